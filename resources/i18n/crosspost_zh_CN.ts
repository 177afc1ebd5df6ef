<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoverChooser</name>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="64"/>
        <source>Cover title</source>
        <translation>封面标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="65"/>
        <source>Bold title</source>
        <translation>大字标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="65"/>
        <source>Banner</source>
        <translation>横幅</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="66"/>
        <source>Title and subtitle</source>
        <translation>标题加副标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="66"/>
        <source>No text</source>
        <translation>无文字</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="69"/>
        <source>The draft&apos;s title</source>
        <translation>草稿的标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="70"/>
        <source>For a subtitle, write it after “ | ”.</source>
        <translation>副标题写在“ | ”之后。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="71"/>
        <source>Use this cover</source>
        <translation>使用此封面</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="92"/>
        <source>Covers on this platform carry no title.</source>
        <translation>此平台的封面不带标题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="94"/>
        <source>Choose a draft to see its cover.</source>
        <translation>选择一个草稿以查看封面。</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <location filename="../../crosspost/gui/models.py" line="136"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="136"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="136"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="137"/>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="137"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="137"/>
        <source>Preflight</source>
        <translation>发布前检查</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="152"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>LanguagePacksDialog</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="78"/>
        <source>Language packs</source>
        <translation>语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="79"/>
        <source>Captions are translated on this computer with Argos Translate language packs. Nothing is sent anywhere. Install a pack from a file, or download one from the index (this needs the internet once).</source>
        <translation>文案在本机用 Argos Translate 语言包翻译，不会发送到任何地方。可以从文件安装语言包，或从索引下载（只需联网一次）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="82"/>
        <source>From</source>
        <translation>源语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="82"/>
        <source>To</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="82"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="83"/>
        <source>Install from file…</source>
        <translation>从文件安装…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="84"/>
        <source>Show available packs</source>
        <translation>显示可用语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="85"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="86"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="97"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="97"/>
        <source>available</source>
        <translation>可下载</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="102"/>
        <source>No language packs yet.</source>
        <translation>还没有语言包。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="109"/>
        <source>Install a language pack</source>
        <translation>安装语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="110"/>
        <source>Argos language packs (*.argosmodel)</source>
        <translation>Argos 语言包 (*.argosmodel)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="118"/>
        <source>Installing language pack</source>
        <translation>正在安装语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="121"/>
        <source>Installed %1 → %2.</source>
        <translation>已安装 %1 → %2。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/dialogs.py" line="132"/>
        <source>%n pack(s) in the index.</source>
        <translation>
            <numerusform>索引中有 %n 个语言包。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="135"/>
        <source>Reading the language pack index</source>
        <translation>正在读取语言包索引</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="144"/>
        <source>Choose an available pack first.</source>
        <translation>请先选择一个可下载的语言包。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="147"/>
        <source>Downloading %1 → %2</source>
        <translation>正在下载 %1 → %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crosspost/gui/window.py" line="225"/>
        <source>Crosspost — TikTok to RedNote</source>
        <translation>Crosspost — 从 TikTok 到小红书</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="226"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="227"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="228"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="229"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="230"/>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="231"/>
        <source>&amp;Export drafts…</source>
        <translation>导出草稿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="232"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="233"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="234"/>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="235"/>
        <source>&amp;Language packs…</source>
        <translation>语言包(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="236"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="239"/>
        <source>Search captions and translations (Ctrl+F)</source>
        <translation>搜索文案和译文 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="240"/>
        <source>Not translated yet</source>
        <translation>尚未翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="241"/>
        <source>Library</source>
        <translation>作品库</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="242"/>
        <source>Drafts queue</source>
        <translation>草稿队列</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="266"/>
        <location filename="../../crosspost/gui/window.py" line="417"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="267"/>
        <source>A job is still running. Cancel it and quit?</source>
        <translation>还有任务在进行。取消任务并退出吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="294"/>
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n 条作品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="320"/>
        <source>Thumbnail</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="327"/>
        <source>Import an unpacked export</source>
        <translation>导入已解压的导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="330"/>
        <source>Import your TikTok export</source>
        <translation>导入你的 TikTok 导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="331"/>
        <source>TikTok export (*.zip *.json *.txt)</source>
        <translation>TikTok 导出 (*.zip *.json *.txt)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="343"/>
        <source>That is not a TikTok export. Drop the zip from TikTok&apos;s “Download your data”, its folder, or its user_data_tiktok.json.</source>
        <translation>这不是 TikTok 导出文件。请拖入 TikTok“下载你的数据”得到的压缩包、解压后的文件夹，或 user_data_tiktok.json。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="354"/>
        <source>Imported %1 new and %2 updated post(s).</source>
        <translation>已导入 %1 条新作品，更新 %2 条。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="358"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="365"/>
        <source>Translating</source>
        <translation>正在翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="383"/>
        <source>Draft created.</source>
        <translation>草稿已创建。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="391"/>
        <source>Rendering draft %1</source>
        <translation>正在生成草稿 %1 的媒体</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="417"/>
        <source>Delete %n draft(s)? Your posts stay.</source>
        <translation>
            <numerusform>删除 %n 个草稿？你的作品不受影响。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="90"/>
        <source>Send to phone</source>
        <translation>发送到手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="91"/>
        <source>Scan the code with your phone&apos;s camera. The phone must be on the same network as this computer. Nothing goes through the internet.</source>
        <translation>用手机相机扫描二维码。手机需与这台电脑连接同一网络。内容不经过互联网。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="93"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="96"/>
        <source>127.0.0.1 (this computer only)</source>
        <translation>127.0.0.1（仅本机）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="113"/>
        <source>Listening on %1</source>
        <translation>正在 %1 上等待手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="118"/>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="118"/>
        <source>iPad</source>
        <translation>iPad</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="118"/>
        <source>Android phone</source>
        <translation>安卓手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="119"/>
        <source>Android tablet</source>
        <translation>安卓平板</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="121"/>
        <source>%1 opened the page</source>
        <translation>%1 打开了页面</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="123"/>
        <source>%1 downloaded %2</source>
        <translation>%1 下载了 %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="125"/>
        <source>%1 loaded %2</source>
        <translation>%1 加载了 %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="126"/>
        <source>%1 was refused (%2)</source>
        <translation>%1 的请求被拒绝（%2）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="146"/>
        <source>Stops in %1:%2 or when you close this window.</source>
        <translation>%1:%2 后或关闭此窗口时停止。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="151"/>
        <source>Stopped. Close this window and send again for a new code.</source>
        <translation>已停止。关闭此窗口，再次发送以获得新的二维码。</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="174"/>
        <source>Your caption</source>
        <translation>你的文案</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="175"/>
        <source>Translation (edit it in your own words)</source>
        <translation>译文（用你自己的话修改）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="176"/>
        <source>Original only</source>
        <translation>仅原文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="177"/>
        <source>Translation only</source>
        <translation>仅译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="178"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="179"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="179"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="179"/>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="181"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="182"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="183"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="184"/>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="184"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="185"/>
        <source>Add topic</source>
        <translation>添加话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="186"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="187"/>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="249"/>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="255"/>
        <source>%1 / %2 topics</source>
        <translation>%1 / %2 个话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="349"/>
        <source>No media on disk yet: fetch it or attach your own files.</source>
        <translation>本机还没有媒体文件：请下载或添加你自己的文件。</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="86"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="88"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="89"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="89"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="89"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="89"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="89"/>
        <source>Posted</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="91"/>
        <source>Render</source>
        <translation>生成媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="91"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="92"/>
        <source>Copy title</source>
        <translation>复制标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="92"/>
        <source>Copy body</source>
        <translation>复制正文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="93"/>
        <source>Copy topics</source>
        <translation>复制话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="93"/>
        <source>Mark as posted…</source>
        <translation>标记为已发布…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="94"/>
        <source>Send to phone…</source>
        <translation>发送到手机…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="94"/>
        <source>Open RedNote creator page</source>
        <translation>打开小红书创作者中心</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="96"/>
        <source>No drafts yet. Open a post in the library and choose “Create draft”.</source>
        <translation>还没有草稿。在作品库中打开一条作品，然后点“创建草稿”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="126"/>
        <source>Export drafts to</source>
        <translation>导出草稿到</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="138"/>
        <source>Mark as posted</source>
        <translation>标记为已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="138"/>
        <source>Link to the published post (optional):</source>
        <translation>已发布笔记的链接（可选）：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="174"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="187"/>
        <source>Outside mainland China (creator.rednote.com)</source>
        <translation>中国大陆以外（creator.rednote.com）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="188"/>
        <source>Mainland China (creator.xiaohongshu.com)</source>
        <translation>中国大陆（creator.xiaohongshu.com）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="192"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="196"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="197"/>
        <source>Default platform</source>
        <translation>默认平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="198"/>
        <source>Translate captions into</source>
        <translation>文案翻译为</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="199"/>
        <source>Default fit for media</source>
        <translation>默认画面适配</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="200"/>
        <source>RedNote account registered</source>
        <translation>小红书账号注册地</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="201"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="206"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <location filename="../../crosspost/gui/task_panel.py" line="22"/>
        <location filename="../../crosspost/gui/task_panel.py" line="31"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../crosspost/gui/window.py" line="74"/>
        <source>Bring your TikTok posts to RedNote</source>
        <translation>把你的 TikTok 作品带到小红书</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="76"/>
        <source>&lt;p&gt;1. In TikTok open &lt;b&gt;Profile → Menu ☰ → Settings and privacy → Account → Download your data&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;2. Choose &lt;b&gt;JSON&lt;/b&gt; (or TXT) and &lt;b&gt;All data&lt;/b&gt;, then &lt;b&gt;Request data&lt;/b&gt;. TikTok prepares it within a few days; download it from the &lt;b&gt;Download data&lt;/b&gt; tab.&lt;/p&gt;&lt;p&gt;3. Drop the zip here. Your messages and history are never read; only your own posts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;1. 在 TikTok 中打开 &lt;b&gt;个人主页 → 菜单 ☰ → 设置和隐私 → 账号 → 下载你的数据&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;2. 选择 &lt;b&gt;JSON&lt;/b&gt;（或 TXT）和 &lt;b&gt;所有数据&lt;/b&gt;，然后点 &lt;b&gt;申请数据&lt;/b&gt;。TikTok 会在几天内准备好，到 &lt;b&gt;下载数据&lt;/b&gt; 页签下载。&lt;/p&gt;&lt;p&gt;3. 把压缩包拖到这里。私信和浏览记录一概不读，只读取你自己的作品。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="80"/>
        <source>Drop your TikTok export here</source>
        <translation>把 TikTok 导出文件拖到这里</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="81"/>
        <source>Choose a file or folder…</source>
        <translation>选择文件或文件夹…</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="22"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="24"/>
        <source>Something unexpected happened. The details were saved in the log file; please include them if you report the problem.</source>
        <translation>发生了意外错误。详情已写入日志文件；反馈问题时请附上。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="26"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
</TS>
