<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../crosspost/gui/about.py" line="83"/>
        <source>About Crosspost</source>
        <translation>关于 Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="84"/>
        <source>Crosspost %1</source>
        <translation>Crosspost %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="87"/>
        <source>Carries your TikTok work to RedNote and beyond, offline on your own computer. Free software under the GNU General Public License, version 3 or later.</source>
        <translation>把你在 TikTok 的作品带到小红书及更多平台，全程离线，在你自己的电脑上完成。本软件是自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="91"/>
        <source>Included software and fonts, with their licences:</source>
        <translation>内含的软件和字体及其许可证：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="92"/>
        <source>Your library, drafts and language packs are kept in:</source>
        <translation>你的作品库、草稿和语言包保存在：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="93"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="94"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="98"/>
        <source>No file manager here; the folder is: %1</source>
        <translation>这里没有文件管理器；文件夹位于：%1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/about.py" line="102"/>
        <source>Path copied.</source>
        <translation>路径已复制。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="243"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="245"/>
        <source>Add Bluesky account…</source>
        <translation>添加 Bluesky 账号…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="246"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="296"/>
        <source>Removing account</source>
        <translation>正在移除账号</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="53"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="55"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="56"/>
        <source>&amp;Post</source>
        <translation>作品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="57"/>
        <source>D&amp;raft</source>
        <translation>草稿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="58"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="59"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="153"/>
        <source>Search → Clear the search</source>
        <translation>搜索 → 清空搜索</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="159"/>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个字段</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/actions.py" line="160"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="62"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="70"/>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="79"/>
        <source>&amp;Export drafts…</source>
        <translation>导出草稿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="85"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="89"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="92"/>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="101"/>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="109"/>
        <source>&amp;Previous tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="118"/>
        <source>&amp;Translate the selected posts</source>
        <translation>翻译所选作品(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="126"/>
        <source>Create &amp;drafts for the selected posts</source>
        <translation>为所选作品创建草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="134"/>
        <source>Translate all &amp;untranslated posts</source>
        <translation>翻译所有未翻译的作品(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="142"/>
        <source>&amp;Fetch media</source>
        <translation>下载媒体(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="151"/>
        <source>&amp;Attach files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="159"/>
        <source>Drop lost media</source>
        <translation>移除丢失的媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="167"/>
        <source>Fetch media for a&amp;ll posts</source>
        <translation>下载所有作品的媒体(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="176"/>
        <source>&amp;Render</source>
        <translation>生成(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="184"/>
        <source>Copy &amp;title</source>
        <translation>复制标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="193"/>
        <source>Copy &amp;body</source>
        <translation>复制正文(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="201"/>
        <source>Copy t&amp;opics</source>
        <translation>复制话题(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="209"/>
        <source>&amp;Mark as posted…</source>
        <translation>标记为已发布(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="219"/>
        <source>&amp;Language packs…</source>
        <translation>语言包(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="227"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="235"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window_actions.py" line="243"/>
        <source>&amp;About Crosspost</source>
        <translation>关于 Crosspost(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AddBlueskyAccountDialog</name>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="54"/>
        <source>Add Bluesky account</source>
        <translation>添加 Bluesky 账号</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="64"/>
        <source>Use an &lt;b&gt;app password&lt;/b&gt;, not your main password: make one in Bluesky under Settings → Privacy and security → App passwords. &lt;a href=&quot;%1&quot;&gt;What is an app password?&lt;/a&gt;</source>
        <translation>请使用&lt;b&gt;应用专用密码&lt;/b&gt;，而不是主密码：在 Bluesky 的 设置 → 隐私与安全 → 应用专用密码 中创建。&lt;a href=&quot;%1&quot;&gt;什么是应用专用密码？&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="77"/>
        <source>No keyring was found on this computer to keep the app password safely. Crosspost stores it only if you allow a file in its data folder that only you can read.</source>
        <translation>这台电脑上没有可安全保存应用专用密码的钥匙串。只有在你允许时，Crosspost 才会把它存进数据文件夹中只有你能读取的文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="84"/>
        <source>Keep the app password in a file only I can read</source>
        <translation>把应用专用密码保存在只有我能读取的文件中</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="89"/>
        <source>Handle</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="90"/>
        <source>App password</source>
        <translation>应用专用密码</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="92"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="97"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="105"/>
        <source>Nothing was stored: tick the box, or install a keyring and try again.</source>
        <translation>没有保存任何内容：请勾选该选项，或安装钥匙串后重试。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="122"/>
        <source>Checking the app password with the server…</source>
        <translation>正在向服务器验证应用专用密码…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="134"/>
        <source>Adding Bluesky account</source>
        <translation>正在添加 Bluesky 账号</translation>
    </message>
</context>
<context>
    <name>AltTextDialog</name>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="155"/>
        <source>Alt text for draft %1</source>
        <translation>草稿 %1 的替代文字</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="162"/>
        <source>What does it show?</source>
        <translation>画面里有什么？</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="163"/>
        <source>Photo %1</source>
        <translation>照片 %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="163"/>
        <source>Video %1</source>
        <translation>视频 %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="166"/>
        <source>Publish a caption over the length limit as a thread of replies</source>
        <translation>超出字数的文案以回复串的形式发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="174"/>
        <source>Translate like the caption</source>
        <translation>像文案一样翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="230"/>
        <source>Translating alt texts</source>
        <translation>正在翻译替代文字</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="234"/>
        <source>Saving alt texts</source>
        <translation>正在保存替代文字</translation>
    </message>
</context>
<context>
    <name>ChoosePostDialog</name>
    <message>
        <location filename="../../crosspost/gui/post_dialogs.py" line="32"/>
        <source>Attach to which post?</source>
        <translation>添加到哪条作品？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/post_dialogs.py" line="35"/>
        <source>Choose the post %n file(s) belong to (or drop them right onto a post in the library next time).</source>
        <translation>
            <numerusform>选择这 %n 个文件所属的作品（下次也可以直接拖到作品库中的作品上）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/post_dialogs.py" line="52"/>
        <source>Attach</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>CoverChooser</name>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="195"/>
        <location filename="../../crosspost/gui/cover_chooser.py" line="291"/>
        <source>A cover holds at most %1 characters.</source>
        <translation>封面最多容纳 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="284"/>
        <source>The cover text can&apos;t be drawn with the cover font; the cover would carry no title.</source>
        <translation>封面字体无法绘制这段封面文字；封面上将没有标题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="288"/>
        <source>The cover text can&apos;t be drawn with the cover font: %1 will be left out.</source>
        <translation>封面字体无法绘制部分封面文字：%1 将被略去。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="182"/>
        <source>Cover title</source>
        <translation>封面标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="184"/>
        <source>Bold title</source>
        <translation>大字标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="185"/>
        <source>Banner</source>
        <translation>横幅</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="186"/>
        <source>Title and subtitle</source>
        <translation>标题加副标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="187"/>
        <source>No text</source>
        <translation>无文字</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="191"/>
        <source>The draft&apos;s title</source>
        <translation>草稿的标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="193"/>
        <source>For a subtitle, write it after “ | ”.</source>
        <translation>副标题写在“ | ”之后。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="197"/>
        <source>Use this cover</source>
        <translation>使用此封面</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="227"/>
        <source>Covers on this platform carry no title.</source>
        <translation>此平台的封面不带标题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="229"/>
        <source>Choose a draft to see its cover.</source>
        <translation>选择一个草稿以查看封面。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="316"/>
        <source>The cover already looks like this.</source>
        <translation>封面已经是这个样子了。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="319"/>
        <source>Cover saved without a title.</source>
        <translation>封面已保存，不带标题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="322"/>
        <source>Cover saved: %1, “%2”.</source>
        <translation>封面已保存：%1，“%2”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="324"/>
        <source>The rendered cover was drawn again.</source>
        <translation>已渲染的封面已重新绘制。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/cover_chooser.py" line="326"/>
        <source>It is drawn when you render the draft.</source>
        <translation>渲染草稿时会绘制封面。</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <location filename="../../crosspost/gui/models.py" line="183"/>
        <source>the post</source>
        <translation>作品</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="183"/>
        <source>its translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="183"/>
        <source>its media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="184"/>
        <source>Out of date: %1 changed — press Refresh from post.</source>
        <translation>已过时：%1已更改——请点“从作品更新”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="197"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="198"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="199"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="200"/>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="201"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="202"/>
        <source>Preflight</source>
        <translation>发布前检查</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="214"/>
        <source>%1: kept the original (not re-encoded)</source>
        <translation>%1：保留原文件（未重新编码）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="216"/>
        <source>%1: re-encoded</source>
        <translation>%1：已重新编码</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="228"/>
        <source>Posted on %1: %2</source>
        <translation>%1 已发布：%2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="229"/>
        <source>Posted on %1</source>
        <translation>%1 已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="248"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>ExpiryBanner</name>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="137"/>
        <source>Fetch all now</source>
        <translation>立即全部下载</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="138"/>
        <source>Attach files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="154"/>
        <source>These links expired on %1 — attach your own files (drop them on a post) or request a new export from TikTok.</source>
        <translation>这些链接已于 %1 失效——请添加你自己的文件（拖到作品上），或向 TikTok 重新申请导出数据。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="166"/>
        <source>Your export&apos;s media links expire today (%1) — fetch them now.</source>
        <translation>导出数据中的媒体链接今天（%1）失效——请立即下载。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="168"/>
        <source>Your export&apos;s media links expire in %n day(s) (%1) — fetch them now.</source>
        <translation>
            <numerusform>导出数据中的媒体链接将在 %n 天后（%1）失效——请立即下载。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="189"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="190"/>
        <source>%n bundle(s) exported to:</source>
        <translation>
            <numerusform>已导出 %n 个发布包到：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="199"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="200"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="215"/>
        <source>Opened in your file manager.</source>
        <translation>已在文件管理器中打开。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="220"/>
        <source>No file manager could be opened here. Your bundles are in %1 (Copy path puts it on the clipboard).</source>
        <translation>这里无法打开文件管理器。你的发布包在 %1（“复制路径”会把它放到剪贴板）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="228"/>
        <source>Path copied.</source>
        <translation>路径已复制。</translation>
    </message>
</context>
<context>
    <name>FontHint</name>
    <message>
        <location filename="../../crosspost/gui/fonts.py" line="97"/>
        <source>Chinese text or emoji may show as empty boxes: install the fonts with your package manager (%1).</source>
        <translation>中文或表情符号可能显示为空方框：请用软件包管理器安装字体（%1）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/fonts.py" line="102"/>
        <source>Hide this hint</source>
        <translation>隐藏此提示</translation>
    </message>
</context>
<context>
    <name>GlossaryEntryDialog</name>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="84"/>
        <location filename="../../crosspost/gui/sentence_view.py" line="100"/>
        <source>Add to glossary</source>
        <translation>加入术语表</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="86"/>
        <source>Keep only the words the glossary should hold on each side: every translation will use them.</source>
        <translation>两边只保留术语表要记住的词：以后每次翻译都会使用它们。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="95"/>
        <source>In your caption</source>
        <translation>你的文案中</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="95"/>
        <source>Translated as</source>
        <translation>译为</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="114"/>
        <source>Fill in both sides: the words and their translation.</source>
        <translation>请两边都填写：词语和它的译文。</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="57"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="69"/>
        <source>Imported %1:</source>
        <translation>已导入 %1：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="71"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="73"/>
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n 条新作品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="74"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n 条已更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="75"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n 条未变</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="78"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="82"/>
        <source>%n post(s) are ones you deleted on TikTok; they are marked in the library.</source>
        <translation>
            <numerusform>其中 %n 条作品已在 TikTok 上删除，作品库中已标出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="87"/>
        <source>TikTok&apos;s 2019–2022 exports hold no captions, only dates, links and likes; your newer export will fill them in.</source>
        <translation>TikTok 2019–2022 年的导出数据没有文案，只有日期、链接和点赞数；较新的导出数据会补上文案。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="94"/>
        <source>Its posts joined @%1&apos;s posts of the same times instead of being added twice.</source>
        <translation>其中的作品已并入 @%1 同一时间的作品，没有重复添加。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/panels.py" line="99"/>
        <source>This export has no posts of yours in it.</source>
        <translation>这份导出数据中没有你的作品。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="101"/>
        <source>Skipped or changed (%n):</source>
        <translation>
            <numerusform>跳过或更改（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="104"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……还有 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="21"/>
        <source>%1 Download the export from TikTok again (“Download your data”, then the zip from the Download data tab).</source>
        <translation>%1请重新从 TikTok 下载导出文件（“下载你的数据”，然后在“下载数据”标签页下载 zip）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="31"/>
        <source>Nothing to import: drop your TikTok export on the window, or use File → Import…</source>
        <translation>没有可导入的内容：把 TikTok 导出文件拖到窗口上，或使用“文件 → 导入…”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="33"/>
        <source>%1 is not there any more. Choose the export again with File → Import…</source>
        <translation>%1 已不存在。请用“文件 → 导入…”重新选择导出文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="36"/>
        <source>%1 cannot be read (%2). Check that you may open it, then import it again.</source>
        <translation>无法读取 %1（%2）。请确认你有权限打开它，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="42"/>
        <source>%1 is not a file but a pipe, a device or a socket; it is not a TikTok export.</source>
        <translation>%1 不是文件，而是管道、设备或套接字；它不是 TikTok 导出文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="45"/>
        <source>%1 is named .zip but is not a zip file.</source>
        <translation>%1 的扩展名是 .zip，但它不是 zip 文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="48"/>
        <source>%1 is a zip file that cannot be read: it may be incomplete or damaged.</source>
        <translation>%1 是无法读取的 zip 文件：它可能不完整或已损坏。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="51"/>
        <source>%1 is damaged: %2 inside it cannot be read back.</source>
        <translation>%1 已损坏：其中的 %2 无法完整读出。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="55"/>
        <source>%1 looks like a zip bomb: %2 inside it claims %3. Nothing was imported; use the zip TikTok sent you.</source>
        <translation>%1 看起来是一个“zip 炸弹”：其中的 %2 声称解压后有 %3。未导入任何内容；请使用 TikTok 发给你的 zip。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="65"/>
        <source>%1 holds more than %2 text files, which no TikTok export does. Choose the export&apos;s own folder or its zip.</source>
        <translation>%1 包含超过 %2 个文本文件，TikTok 导出文件不会这样。请选择导出文件自己的文件夹或它的 zip。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="74"/>
        <source>%1 is not a TikTok export. Choose the zip from TikTok&apos;s “Download your data”, its unpacked folder, or its .json or .txt file.</source>
        <translation>%1 不是 TikTok 导出文件。请选择 TikTok“下载你的数据”提供的 zip、解压后的文件夹，或其中的 .json 或 .txt 文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="82"/>
        <source>%1 holds no TikTok export: there is no .json or .txt file in it. Choose the zip from TikTok&apos;s “Download your data”.</source>
        <translation>%1 中没有 TikTok 导出内容：里面没有 .json 或 .txt 文件。请选择 TikTok“下载你的数据”提供的 zip。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="90"/>
        <source>%1 is not a TikTok export: none of its files is TikTok&apos;s list of your posts (user_data_tiktok.json, Posts.txt or Videos.txt).</source>
        <translation>%1 不是 TikTok 导出文件：其中没有 TikTok 的作品列表文件（user_data_tiktok.json、Posts.txt 或 Videos.txt）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="96"/>
        <source>%1 is not a TikTok export: its data is not laid out as TikTok writes it.</source>
        <translation>%1 不是 TikTok 导出文件：它的数据结构与 TikTok 写出的不同。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="98"/>
        <source>%1 is empty; it is not a TikTok export.</source>
        <translation>%1 是空的；它不是 TikTok 导出文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="100"/>
        <source>%1 is not text as TikTok writes it (not UTF-8); it is not a TikTok export.</source>
        <translation>%1 不是 TikTok 写出的文本格式（不是 UTF-8）；它不是 TikTok 导出文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="103"/>
        <source>%1 is cut off before its end. Unzip it again if the copy was interrupted.</source>
        <translation>%1 在结尾之前被截断了。如果复制过程中断过，请重新解压。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="106"/>
        <source>%1 is not valid JSON (%2); it is not a readable TikTok export.</source>
        <translation>%1 不是有效的 JSON（%2）；它不是可读取的 TikTok 导出文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="110"/>
        <source>%1 nests its data more than %2 levels deep, which no TikTok export does; nothing was imported.</source>
        <translation>%1 的数据嵌套超过 %2 层，TikTok 导出文件不会这样；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="117"/>
        <source>%1 is larger than any TikTok post list (%2); nothing was imported.</source>
        <translation>%1 比任何 TikTok 作品列表都大（%2）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="120"/>
        <source>%1 is not a folder; choose the folder that holds your videos and photos.</source>
        <translation>%1 不是文件夹；请选择存放你的视频和照片的文件夹。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="128"/>
        <source>%1 is not a file. Choose an .argosmodel language pack or a quickmt model.</source>
        <translation>%1 不是文件。请选择 .argosmodel 语言包或 quickmt 模型。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="132"/>
        <source>%1 is neither an Argos language pack (.argosmodel) nor a quickmt model. Nothing was installed.</source>
        <translation>%1 既不是 Argos 语言包（.argosmodel），也不是 quickmt 模型。未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="138"/>
        <source>%1 is not complete: %2 is missing. Download it again; nothing was installed.</source>
        <translation>%1 不完整：缺少 %2。请重新下载；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="143"/>
        <source>%1 is too large to be a translation model; nothing was installed.</source>
        <translation>%1 太大，不可能是翻译模型；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="145"/>
        <source>%1 does not say which languages it translates; nothing was installed.</source>
        <translation>%1 没有说明它翻译哪两种语言；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="148"/>
        <source>%1 translates %2, not the languages you chose; nothing was installed.</source>
        <translation>%1 翻译的是 %2，不是你选择的语言；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="151"/>
        <source>%1 is damaged. Download it again; nothing was installed.</source>
        <translation>%1 已损坏。请重新下载；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="153"/>
        <source>%1 holds files outside its own folder; nothing was installed.</source>
        <translation>%1 含有位于其自身文件夹之外的文件；未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="157"/>
        <source>In %1 the model is deeper than one folder: zip the model&apos;s own folder. Nothing was installed.</source>
        <translation>%1 中的模型嵌套超过一层文件夹：请直接压缩模型自己的文件夹。未安装任何内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/import_words.py" line="171"/>
        <source>Skipped %n post(s) in %1 whose date is not a real date (%2).</source>
        <translation>
            <numerusform>已跳过 %1 中 %n 篇日期无效的作品（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="177"/>
        <source>%1 has no posts of yours in it (the export&apos;s list of your posts is empty).</source>
        <translation>%1 中没有你的作品（导出文件里你的作品列表是空的）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="180"/>
        <source>Skipped %1: it is not a file (a pipe, a device or a socket).</source>
        <translation>已跳过 %1：它不是文件（是管道、设备或套接字）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="182"/>
        <source>Skipped the archive entry %1: its name points outside the archive.</source>
        <translation>已跳过压缩包中的条目 %1：它的名称指向压缩包之外。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/import_words.py" line="186"/>
        <source>The caption of the post of %1 is %2 characters long; only its first %3 were kept (no platform takes more).</source>
        <translation>%1 那篇作品的文案长 %2 个字符；只保留了前 %3 个（没有平台接受更长的文案）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/import_words.py" line="196"/>
        <source>%n file(s) in %1 matched no post (%2); drop them on their posts to attach them.</source>
        <translation>
            <numerusform>%1 中有 %n 个文件没有匹配到作品（%2）；把它们拖到对应的作品上即可附加。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="23"/>
        <source>Crop to fill</source>
        <translation>裁切填满</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="24"/>
        <source>Fit with bars</source>
        <translation>完整显示（加边）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="25"/>
        <source>Fit on blurred background</source>
        <translation>完整显示（模糊背景）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="30"/>
        <source>Original only</source>
        <translation>仅原文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="31"/>
        <source>Translation only</source>
        <translation>仅译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="32"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="37"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="38"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="39"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="40"/>
        <source>Posted</source>
        <translation>已发布</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="48"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="50"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="52"/>
        <source>%n hashtag(s)</source>
        <translation>
            <numerusform>%n 个话题标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="54"/>
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n 个话题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="56"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="58"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="60"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="44"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/labels.py" line="44"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="9"/>
        <source>Afrikaans</source>
        <translation>南非荷兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="10"/>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="11"/>
        <source>Azerbaijani</source>
        <translation>阿塞拜疆语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="12"/>
        <source>Belarusian</source>
        <translation>白俄罗斯语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="13"/>
        <source>Bulgarian</source>
        <translation>保加利亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="14"/>
        <source>Bengali</source>
        <translation>孟加拉语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="15"/>
        <source>Bosnian</source>
        <translation>波斯尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="16"/>
        <source>Catalan</source>
        <translation>加泰罗尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="17"/>
        <source>Czech</source>
        <translation>捷克语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="18"/>
        <source>Welsh</source>
        <translation>威尔士语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="19"/>
        <source>Danish</source>
        <translation>丹麦语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="20"/>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="21"/>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="22"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="23"/>
        <source>Esperanto</source>
        <translation>世界语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="24"/>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="25"/>
        <source>Estonian</source>
        <translation>爱沙尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="26"/>
        <source>Basque</source>
        <translation>巴斯克语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="27"/>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="28"/>
        <source>Finnish</source>
        <translation>芬兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="29"/>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="30"/>
        <source>Irish</source>
        <translation>爱尔兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="31"/>
        <source>Galician</source>
        <translation>加利西亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="32"/>
        <source>Gujarati</source>
        <translation>古吉拉特语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="33"/>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="34"/>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="35"/>
        <source>Croatian</source>
        <translation>克罗地亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="36"/>
        <source>Hungarian</source>
        <translation>匈牙利语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="37"/>
        <source>Armenian</source>
        <translation>亚美尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="38"/>
        <source>Indonesian</source>
        <translation>印度尼西亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="39"/>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="40"/>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="41"/>
        <source>Georgian</source>
        <translation>格鲁吉亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="42"/>
        <source>Kazakh</source>
        <translation>哈萨克语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="43"/>
        <source>Khmer</source>
        <translation>高棉语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="44"/>
        <source>Kannada</source>
        <translation>卡纳达语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="45"/>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="46"/>
        <source>Kyrgyz</source>
        <translation>吉尔吉斯语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="47"/>
        <source>Lithuanian</source>
        <translation>立陶宛语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="48"/>
        <source>Latvian</source>
        <translation>拉脱维亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="49"/>
        <source>Macedonian</source>
        <translation>马其顿语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="50"/>
        <source>Malayalam</source>
        <translation>马拉雅拉姆语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="51"/>
        <source>Mongolian</source>
        <translation>蒙古语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="52"/>
        <source>Marathi</source>
        <translation>马拉地语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="53"/>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="54"/>
        <source>Maltese</source>
        <translation>马耳他语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="55"/>
        <source>Norwegian Bokmål</source>
        <translation>书面挪威语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="56"/>
        <source>Nepali</source>
        <translation>尼泊尔语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="57"/>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="58"/>
        <source>Norwegian</source>
        <translation>挪威语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="59"/>
        <source>Punjabi</source>
        <translation>旁遮普语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="60"/>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="61"/>
        <source>Pashto</source>
        <translation>普什图语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="62"/>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="63"/>
        <source>Romanian</source>
        <translation>罗马尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="64"/>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="65"/>
        <source>Slovak</source>
        <translation>斯洛伐克语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="66"/>
        <source>Slovenian</source>
        <translation>斯洛文尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="67"/>
        <source>Albanian</source>
        <translation>阿尔巴尼亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="68"/>
        <source>Serbian</source>
        <translation>塞尔维亚语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="69"/>
        <source>Swedish</source>
        <translation>瑞典语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="70"/>
        <source>Swahili</source>
        <translation>斯瓦希里语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="71"/>
        <source>Tamil</source>
        <translation>泰米尔语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="72"/>
        <source>Telugu</source>
        <translation>泰卢固语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="73"/>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="74"/>
        <source>Tagalog</source>
        <translation>他加禄语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="75"/>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="76"/>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="77"/>
        <source>Urdu</source>
        <translation>乌尔都语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="78"/>
        <source>Uzbek</source>
        <translation>乌兹别克语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="79"/>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="80"/>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/language_names.py" line="81"/>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
</context>
<context>
    <name>LanguagePacksDialog</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="124"/>
        <source>Language packs</source>
        <translation>语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>From</source>
        <translation>源语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>To</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="134"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="136"/>
        <source>Install from file…</source>
        <translation>从文件安装…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="137"/>
        <source>Install model folder…</source>
        <translation>安装模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="138"/>
        <source>Use for this pair</source>
        <translation>用于此语言对</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="139"/>
        <source>quickmt model:</source>
        <translation>quickmt 模型：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="140"/>
        <source>Download model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="141"/>
        <source>Show available packs</source>
        <translation>显示可用语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="142"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="143"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="148"/>
        <source>Add the reverse pack, %1 → %2, to see what your translations say: the sentence view translates each sentence back.</source>
        <translation>添加反向语言包 %1 → %2，就能看懂译文的意思：逐句视图会把每句译文翻译回来。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="157"/>
        <source>Download %1 → %2</source>
        <translation>下载 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="174"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="172"/>
        <source>available</source>
        <translation>可下载</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="127"/>
        <source>Captions are translated on this computer with Argos Translate language packs or quickmt models (quickmt writes better Chinese). Nothing is sent anywhere. Install one from a file or a folder, or download one (this needs the internet once). When a pair has both, choose the one that translates it with Use for this pair.</source>
        <translation>文案在本机用 Argos Translate 语言包或 quickmt 模型翻译（quickmt 的中文更好），不会发送到任何地方。可以从文件或文件夹安装，或下载（只需联网一次）。同一语言对两种都有时，用“用于此语言对”选择由哪一个翻译。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="174"/>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="175"/>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="185"/>
        <source>No language packs yet.</source>
        <translation>还没有语言包。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="224"/>
        <source>Install a language pack</source>
        <translation>安装语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="237"/>
        <source>Installing language pack</source>
        <translation>正在安装语言包</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="245"/>
        <source>Installed %1 → %2.</source>
        <translation>已安装 %1 → %2。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="256"/>
        <source>Install a quickmt model folder</source>
        <translation>安装 quickmt 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="269"/>
        <source>Choosing the model for %1 → %2</source>
        <translation>正在为 %1 → %2 选择模型</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="273"/>
        <source>%1 → %2 is now translated by %3.</source>
        <translation>%1 → %2 现在由 %3 翻译。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="287"/>
        <source>Type the name of a quickmt model first, such as quickmt-en-zh.</source>
        <translation>请先输入 quickmt 模型的名称，例如 quickmt-en-zh。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="291"/>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/dialogs.py" line="304"/>
        <source>%n pack(s) in the index.</source>
        <translation>
            <numerusform>索引中有 %n 个语言包。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="308"/>
        <source>Reading the language pack index</source>
        <translation>正在读取语言包索引</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="319"/>
        <source>Choose an available pack first.</source>
        <translation>请先选择一个可下载的语言包。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="209"/>
        <location filename="../../crosspost/gui/dialogs.py" line="323"/>
        <source>Downloading %1 → %2</source>
        <translation>正在下载 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="228"/>
        <source>Language packs and models (*.argosmodel *.zip)</source>
        <translation>语言包和模型 (*.argosmodel *.zip)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="336"/>
        <source>Removing %1 → %2</source>
        <translation>正在移除 %1 → %2</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../crosspost/gui/library_view.py" line="68"/>
        <source>Search captions and translations (Ctrl+F)</source>
        <translation>搜索文案和译文 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/library_view.py" line="69"/>
        <source>Not translated yet</source>
        <translation>尚未翻译</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/library_view.py" line="103"/>
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n 条作品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/library_view.py" line="108"/>
        <source>No posts match “%1”.</source>
        <translation>没有与“%1”匹配的作品。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/library_view.py" line="108"/>
        <source>Every post is translated.</source>
        <translation>所有作品都已翻译。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/library_view.py" line="153"/>
        <source>Thumbnail</source>
        <translation>缩略图</translation>
    </message>
</context>
<context>
    <name>LostMedia</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/lost_media.py" line="21"/>
        <source>%n photo(s) or video(s) of this post are lost: not on this computer, and their link no longer works. Take them out of the post and its drafts?</source>
        <translation>
            <numerusform>这条作品有 %n 个照片或视频已丢失：不在这台电脑上，链接也已失效。要把它们从作品及其草稿中移除吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/lost_media.py" line="28"/>
        <source>%n lost item(s) dropped from the post.</source>
        <translation>
            <numerusform>已从作品中移除 %n 个丢失的媒体。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/lost_media.py" line="43"/>
        <source>Every photo and video of this post is on this computer or can still be fetched.</source>
        <translation>这条作品的照片和视频都已在这台电脑上，或仍可下载。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/lost_media.py" line="51"/>
        <source>Drop lost media</source>
        <translation>移除丢失的媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/lost_media.py" line="57"/>
        <source>Drop them</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/lost_media.py" line="77"/>
        <source>Dropping lost media</source>
        <translation>正在移除丢失的媒体</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crosspost/gui/window.py" line="239"/>
        <source>Library</source>
        <translation>作品库</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="240"/>
        <source>Drafts queue</source>
        <translation>草稿队列</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="270"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="270"/>
        <source>A job is still running. Cancel it and quit?</source>
        <translation>还有任务在进行。取消任务并退出吗？</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="357"/>
        <source>A new store was started</source>
        <translation>已新建存储</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="360"/>
        <source>The store file %1 was empty (0 bytes), so it held no posts. It was kept as %2 in the same folder, and a new, empty store was started. If your posts were in it, restore a backup of that file.</source>
        <translation>存储文件 %1 是空文件（0 字节），其中没有任何帖子。它已在同一文件夹中保留为 %2，并新建了一个空的存储。如果你的帖子原本在其中，请恢复该文件的备份。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="236"/>
        <source>TikTok to RedNote</source>
        <translation>从 TikTok 到小红书</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/window.py" line="310"/>
        <source>This export has no posts of yours in it: TikTok&apos;s post list in it is empty. If you have posts, request a new export with “All data” selected.</source>
        <translation>这份导出数据中没有你的作品：其中的作品列表是空的。如果你发过作品，请重新申请导出并选择“所有数据”。</translation>
    </message>
</context>
<context>
    <name>MarkPostedDialog</name>
    <message>
        <location filename="../../crosspost/gui/post_dialogs.py" line="76"/>
        <location filename="../../crosspost/gui/post_dialogs.py" line="87"/>
        <source>Mark as posted</source>
        <translation>标记为已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/post_dialogs.py" line="78"/>
        <source>Paste the link to the published post, or what RedNote&apos;s Share → Copy link gives (optional).</source>
        <translation>粘贴已发布作品的链接，或小红书“分享 → 复制链接”得到的文字（可选）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/post_dialogs.py" line="103"/>
        <source>There is no link in this text. Paste the post&apos;s address (https://www.xiaohongshu.com/… or http://xhslink.com/…), or clear the box to mark it posted without one.</source>
        <translation>这段文字里没有链接。请粘贴作品地址（https://www.xiaohongshu.com/… 或 http://xhslink.com/…），或清空输入框，不带链接标记为已发布。</translation>
    </message>
</context>
<context>
    <name>MediaCounts</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/media_labels.py" line="105"/>
        <source>%n file(s) are gone: TikTok answered that the link no longer has it. Drop the lost items (Post → Drop lost media) or attach your own files.</source>
        <translation>
            <numerusform>%n 个文件已失效：TikTok 表示链接中已没有该文件。请移除丢失的媒体（作品 → 移除丢失的媒体），或添加你自己的文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/media_labels.py" line="112"/>
        <source>Of %n file(s): %1 downloaded, %2 already on disk, %3 gone, %4 failed.</source>
        <translation>
            <numerusform>共 %n 个文件：已下载 %1 个，已在电脑上 %2 个，已失效 %3 个，失败 %4 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaLabels</name>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="41"/>
        <source>on disk</source>
        <translation>已在电脑上</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="43"/>
        <source>%1 of %2 on disk</source>
        <translation>%1/%2 已在电脑上</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="45"/>
        <source>link valid until %1</source>
        <translation>链接有效至 %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="47"/>
        <source>⛔ link expired</source>
        <translation>⛔ 链接已失效</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="49"/>
        <source>no media on disk</source>
        <translation>电脑上没有媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="51"/>
        <source>⛔ media gone</source>
        <translation>⛔ 媒体已失效</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="59"/>
        <source>Every file is on this computer (%1).</source>
        <translation>所有文件都在这台电脑上（%1 个）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="62"/>
        <source>%1 of %2 files are on this computer.</source>
        <translation>%2 个文件中有 %1 个在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="68"/>
        <source>Fetch the rest before %1 (Post → Fetch media).</source>
        <translation>请在 %1 前下载其余文件（作品 → 下载媒体）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="72"/>
        <source>The links of the rest expired: attach your own files (drop them on the post).</source>
        <translation>其余文件的链接已失效：请添加你自己的文件（拖到作品上）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="82"/>
        <source>Not on this computer yet; the export&apos;s link works until %1 (Post → Fetch media).</source>
        <translation>还不在这台电脑上；导出链接有效至 %1（作品 → 下载媒体）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="89"/>
        <source>The export&apos;s link expired on %1: attach your own files (Post → Attach files…, or drop them on the post).</source>
        <translation>导出链接已于 %1 失效：请添加你自己的文件（作品 → 添加文件…，或拖到作品上）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="96"/>
        <source>No media on disk yet: fetch it or attach your own files.</source>
        <translation>电脑上还没有媒体：请下载或添加你自己的文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="97"/>
        <source>This post has no photo or video.</source>
        <translation>这条作品没有照片或视频。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="130"/>
        <source>Gone files are lost: drop them from their posts with Post → Drop lost media.</source>
        <translation>失效的文件已丢失：请用“作品 → 移除丢失的媒体”把它们从作品中移除。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/media_labels.py" line="134"/>
        <source>For the failed ones, attach your own files with Post → Attach files…</source>
        <translation>下载失败的，请用“作品 → 添加文件…”添加你自己的文件。</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <location filename="../../crosspost/gui/media_preview.py" line="240"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="429"/>
        <source>The cover text can&apos;t be drawn with the cover font; the cover would carry no title.</source>
        <translation>封面字体无法绘制这段封面文字；封面上将没有标题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="432"/>
        <source>The cover text can&apos;t be drawn with the cover font: %1 will be left out.</source>
        <translation>封面字体无法绘制部分封面文字：%1 将被略去。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="37"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="37"/>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="226"/>
        <source>No keyring is available on this computer to keep the app password safely, so nothing was stored. Install and unlock one (GNOME Keyring, KWallet), or tick “Keep the app password in a file only I can read”.</source>
        <translation>这台电脑上没有可安全保存应用专用密码的钥匙串，因此没有保存任何内容。请安装并解锁一个钥匙串（GNOME Keyring、KWallet），或勾选“把应用专用密码保存在只有我能读取的文件中”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="232"/>
        <source>There is no %1 account in Crosspost yet: add one in %2.</source>
        <translation>Crosspost 中还没有 %1 账号：请在“%2”中添加。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="238"/>
        <source>There are several %1 accounts; keep only the one to publish with in %2.</source>
        <translation>有多个 %1 账号；请在“%2”中只保留用来发布的那一个。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="244"/>
        <source>The app password of %1 is missing: remove the account in %2 and add it again.</source>
        <translation>%1 的应用专用密码丢失了：请在“%2”中移除该账号，再重新添加。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="253"/>
        <source>Shorten it, or publish it as a thread: tick “Publish a caption over the length limit as a thread of replies” in Alt text….</source>
        <translation>请缩短文案，或拆成一串回复发布：在“替代文字…”中勾选“超出字数的文案以回复串的形式发布”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="257"/>
        <source>For a thread, tick “Publish a caption over the length limit as a thread of replies” in Alt text….</source>
        <translation>如需拆成一串回复发布，请在“替代文字…”中勾选“超出字数的文案以回复串的形式发布”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="264"/>
        <source>Crosspost cannot publish to %1 by itself: export the draft and upload it there.</source>
        <translation>Crosspost 无法直接发布到%1：请导出草稿，再自行上传。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="270"/>
        <source>Publishing this draft was started with another account; add that account again in %1 to finish it.</source>
        <translation>这份草稿是用另一个账号开始发布的；请在“%1”中重新添加那个账号以完成发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="277"/>
        <source>This draft shows the original caption only, so its alt texts stay as they are. Create it again with a translated or bilingual layout to translate them.</source>
        <translation>这份草稿只显示原文，所以替代文字保持原样。如需翻译，请用“仅译文”或“双语”版式重新创建草稿。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="281"/>
        <source>Write the alt texts first; then they can be translated like the caption.</source>
        <translation>请先填写替代文字，之后才能和文案一样翻译。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="284"/>
        <source>Another publishing run is going on (perhaps a scheduled one); try again when it has finished.</source>
        <translation>另一项发布正在进行（可能是定时发布）；请等它完成后再试。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="293"/>
        <source>The server is limiting how fast this account can post; wait until %1 and publish again.</source>
        <translation>服务器正在限制这个账号的发布速度；请等到 %1 后再发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="298"/>
        <source>The server did not accept the sign-in. Add the account again with a new app password in %1.</source>
        <translation>服务器不接受这次登录。请在“%1”中用新的应用专用密码重新添加该账号。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="303"/>
        <source>Cannot reach the server: the computer seems to be offline or the server is down. The draft is unchanged; publish it again when the connection is back.</source>
        <translation>无法连接服务器：这台电脑可能没有联网，或服务器出了故障。草稿没有变化；恢复连接后请重新发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="307"/>
        <source>The server is limiting how fast this account can post; wait a while and publish again.</source>
        <translation>服务器正在限制这个账号的发布速度；请稍等一会儿再发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="310"/>
        <source>This account asks for a sign-in code sent by email (two-factor sign-in). Use an app password instead: app passwords skip the code.</source>
        <translation>这个账号要求输入通过电子邮件发送的登录验证码（两步验证）。请改用应用专用密码：应用专用密码无需验证码。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="313"/>
        <source>The account was taken down by its server; it cannot post.</source>
        <translation>该账号已被其服务器封禁，无法发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="315"/>
        <source>The server wants the account&apos;s email address confirmed before it can post; confirm it from the message the server sent, then publish again.</source>
        <translation>服务器要求先确认该账号的电子邮件地址才能发布；请通过服务器发来的邮件确认后再发布。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="319"/>
        <source>That is the account&apos;s main password. Crosspost only keeps app passwords: make one in Bluesky&apos;s Settings → Privacy and security → App passwords and use it here.</source>
        <translation>这是账号的主密码。Crosspost 只保存应用专用密码：请在 Bluesky 的 设置 → 隐私与安全 → 应用专用密码 中创建一个，并在这里使用。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="323"/>
        <source>Publishing did not go through: %1</source>
        <translation>发布没有成功：%1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="333"/>
        <source>The %1 is %2 long; %3 allows %4.</source>
        <translation>%1长度为 %2；%3 最多允许 %4。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="340"/>
        <source>The title is empty; %1 notes with a short, punchy title do better.</source>
        <translation>标题为空；在%1上，有简短有力标题的笔记效果更好。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="342"/>
        <source>%n topic(s); %1 allows %2.</source>
        <translation>
            <numerusform>%n 个话题；%1 最多允许 %2 个。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="345"/>
        <source>The “%1” layout needs a translation (%2): use Translate in the editor first.</source>
        <translation>“%1”版式需要译文（%2）：请先在编辑器中点击“翻译”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="370"/>
        <source>With its #tags the post is %1 long; %2 allows %3. Shorten it, or publish it as a thread.</source>
        <translation>加上 #话题标签后，帖子长度为 %1；%2 最多允许 %3。请缩短，或拆成一串回复发布。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="376"/>
        <source>The caption goes out as a thread of %n post(s).</source>
        <translation>
            <numerusform>文案将拆成 %n 条帖子的回复串发布。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="380"/>
        <source>%n photo(s) or video(s) (%1) without alt text: people using screen readers on %2 will not know what they show. Add it in Alt text….</source>
        <translation>
            <numerusform>%n 个照片或视频（%1）没有替代文字：在%2上使用读屏软件的人将无法知道画面内容。请在“替代文字…”中添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="424"/>
        <source>The title was shortened to fit %1&apos;s limit of %2; check it still reads well.</source>
        <translation>标题已缩短以符合%1的 %2 上限；请检查是否仍然通顺。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="437"/>
        <source>%1 takes at most %2 topics; left out: %3.</source>
        <translation>%1 最多 %2 个话题；未放入：%3。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="44"/>
        <source>Post %1 is no longer in your library; it may have been removed.</source>
        <translation>作品 %1 已不在作品库中，可能已被移除。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="46"/>
        <source>Draft %1 is no longer in the queue; it may have been deleted.</source>
        <translation>草稿 %1 已不在队列中，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="48"/>
        <source>Item %1 is no longer there; reopen the post and try again.</source>
        <translation>项目 %1 已不存在；请重新打开作品后再试。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="50"/>
        <source>Select at least one item in the list first.</source>
        <translation>请先在列表中至少选择一项。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="52"/>
        <source>“%1” is not a valid %2; choose one of: %3.</source>
        <translation>“%1”不是有效的%2；请从以下选择：%3。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="55"/>
        <source>This post has no photo or video on this computer yet. Use Post → Fetch media while the export&apos;s links work, or Post → Attach files… (or drop your files on the post).</source>
        <translation>这条作品在这台电脑上还没有照片或视频。请趁导出链接还有效时使用“作品 → 下载媒体”，或使用“作品 → 添加文件…”（也可以把文件拖到作品上）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="61"/>
        <source>The export&apos;s media links expired%1. Attach your own files with Post → Attach files… (or drop them on the post), or request a new export from TikTok.</source>
        <translation>导出文件里的媒体链接已过期%1。请用“作品 → 添加文件…”添加你自己的文件（或把文件拖到作品上），或者向 TikTok 重新申请导出。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="64"/>
        <source> on %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="68"/>
        <source>The %1 layout needs a target language: choose one in Tools → Settings.</source>
        <translation>“%1”版式需要目标语言：请在“工具 → 设置”中选择。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="74"/>
        <source>This post has no %1 translation yet, which the %2 layout needs. Press Translate in the editor first, or choose “Original only” as the layout.</source>
        <translation>这条作品还没有 %1 译文，而“%2”版式需要它。请先在编辑器中点“翻译”，或把版式选为“仅原文”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="87"/>
        <source>No %1→%2 language pack is installed. Install it in Tools → Language packs.</source>
        <translation>未安装 %1→%2 语言包。请在“工具 → 语言包”中安装。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="90"/>
        <source>The %1→%2 language pack is damaged. Remove it and install it again in Tools → Language packs.</source>
        <translation>%1→%2 语言包已损坏。请在“工具 → 语言包”中移除后重新安装。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="93"/>
        <source>Showing what the translation says needs the %1→%2 language pack. Install it in Tools → Language packs.</source>
        <translation>要显示译文的回译，需要 %1→%2 语言包。请在“工具 → 语言包”中安装。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="100"/>
        <source>The list of language packs cannot be downloaded (are you offline?). Connect and try again, or install a pack file you have with Tools → Language packs → Install from file….</source>
        <translation>无法下载语言包列表（是否没有联网？）。请联网后重试，或通过“工具 → 语言包 → 从文件安装…”安装你已有的语言包文件。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="105"/>
        <source>Draft %1 was already marked as posted on %2 (%3).</source>
        <translation>草稿 %1 已标记为在 %2 发布（%3）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="108"/>
        <source>The draft&apos;s media is not rendered yet: select it in the Drafts tab and press Render.</source>
        <translation>草稿的媒体还没有生成：请在“草稿队列”中选中它并点“生成媒体”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="110"/>
        <source>draft %1 was already posted (%2)</source>
        <translation>草稿 %1 已发布过（%2）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="113"/>
        <source>Nothing was exported: %1. Fix the problems shown in the Drafts tab first.</source>
        <translation>没有导出任何内容：%1。请先解决“草稿队列”中显示的问题。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="117"/>
        <source>Crosspost cannot write to %1 (%2). Choose another folder.</source>
        <translation>Crosspost 无法写入 %1（%2）。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="119"/>
        <source> (only %1 MB free now)</source>
        <translation>（现在只剩 %1 MB）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="121"/>
        <source>The disk holding %1 is full%2: free %3 MB and try again.</source>
        <translation>存放 %1 的磁盘已满%2：请腾出 %3 MB 后重试。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="128"/>
        <location filename="../../crosspost/gui/messages.py" line="398"/>
        <source>The video is %1 s long; %2 takes at most %3 s. Trim it before rendering.</source>
        <translation>视频长 %1 秒；%2 最多接受 %3 秒。请先剪短再生成。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="134"/>
        <source>This photo or video is on this computer, so it is not lost and stays with the post.</source>
        <translation>这个照片或视频在这台电脑上，没有丢失，会保留在作品中。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="136"/>
        <source>You edited this %1 by hand, so it was kept.</source>
        <translation>这个%1是你手动修改的，所以保留了。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="140"/>
        <source>The name of %1 does not say which languages it translates. Rename its folder after them, like quickmt-en-zh, and install it again. Nothing was installed.</source>
        <translation>%1 的名称没有说明它翻译哪两种语言。请按语言对重命名它的文件夹（例如 quickmt-en-zh），然后重新安装。未安装任何内容。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="389"/>
        <source>The post has no media on disk: use Post → Fetch media or Post → Attach files.</source>
        <translation>这条作品在本机没有媒体文件：请使用“作品 → 下载媒体”或“作品 → 添加文件…”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="392"/>
        <source>%n photo(s); %1 takes at most %2 per post.</source>
        <translation>
            <numerusform>%n 张图片；%1 每篇最多 %2 张。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="395"/>
        <source>%1 takes no videos.</source>
        <translation>%1 不支持视频。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="404"/>
        <source>The media is not rendered for %1 yet: use Render in the drafts queue.</source>
        <translation>媒体尚未为%1生成：请在草稿队列中点击“生成”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="407"/>
        <source>%1 is %2 MB; %3 takes at most %4 MB.</source>
        <translation>%1 大小为 %2 MB；%3 最大 %4 MB。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="415"/>
        <source>%1 is %2×%3; %4 accepts %5.</source>
        <translation>%1 为 %2×%3；%4 接受 %5。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="358"/>
        <source>The body has an external link; %1 limits the reach of notes with links. Consider removing it.</source>
        <translation>正文含有外部链接；%1会限制带链接笔记的曝光，建议删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="351"/>
        <source>%n sentence(s) may be mistranslated: what the translation says back is far from your caption.</source>
        <translation>
            <numerusform>%n 个句子可能译得不准：译文回译后与你的文案相差较远。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="364"/>
        <source>%1 are TikTok names; they mean nothing on %2. Remove them or mention the people there.</source>
        <translation>%1 是 TikTok 用户名，在%2上没有意义。请删除，或在那里提及对应的人。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="111"/>
        <source>draft %1: %2</source>
        <translation>草稿 %1：%2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="182"/>
        <source>%1 is a plain http address, and Crosspost sends app passwords and tokens only over https: use %2 as the account&apos;s server (Tools → Settings… → Accounts…).</source>
        <translation>%1 是未加密的 http 地址，Crosspost 只通过 https 发送应用专用密码和令牌：请把账号的服务器写成 %2（工具 → 设置… → 账号…）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="191"/>
        <source>%1 redirected %2 to %3. Crosspost never sends a password or token to another address, so it stopped. %4</source>
        <translation>%1 把%2重定向到了 %3。Crosspost 从不把密码或令牌发往其他地址，因此已停止。%4</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="202"/>
        <source>%1 took the connection but did not answer %2 within %3 s: the server is too slow or stuck. %4</source>
        <translation>%1 接受了连接，但在 %3 秒内没有回应%2：服务器太慢或卡住了。%4</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="211"/>
        <source>%1 sent an answer to %2 larger than %3 MB, so Crosspost stopped reading it. %4</source>
        <translation>%1 对%2的回应超过 %3 MB，Crosspost 已停止读取。%4</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="219"/>
        <source>%1 answered %2 with something Crosspost cannot read (not a Bluesky server&apos;s answer). %3</source>
        <translation>%1 对%2的回应 Crosspost 无法读取（不是 Bluesky 服务器的回应）。%3</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="163"/>
        <source>the sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="34"/>
        <source>Tools → Settings… → Accounts…</source>
        <translation>工具 → 设置… → 账号…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="152"/>
        <source>The %1 translation of this post is your own wording as a whole; editing one sentence would replace it with the sentence-by-sentence one.</source>
        <translation>这条作品的 %1 译文是你整体改写的；修改其中一句会用逐句译文替换它。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="164"/>
        <source>the record look-up</source>
        <translation>帖子记录查询</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="165"/>
        <source>the new post</source>
        <translation>新帖子</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="166"/>
        <source>the upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="167"/>
        <source>the handle look-up</source>
        <translation>用户名查询</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="168"/>
        <source>the video upload</source>
        <translation>视频上传</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="169"/>
        <source>a request</source>
        <translation>一个请求</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="174"/>
        <source>Nothing was stored; check the server and try Add again.</source>
        <translation>没有保存任何内容；请检查服务器后再点“添加”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/messages.py" line="175"/>
        <source>The draft is unchanged; press Publish again later.</source>
        <translation>草稿没有改动；请稍后再点“发布”。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="64"/>
        <source>Import an unpacked export</source>
        <translation>导入已解压的导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="67"/>
        <source>Import your TikTok export</source>
        <translation>导入你的 TikTok 导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="71"/>
        <source>TikTok export (*.zip *.json *.txt)</source>
        <translation>TikTok 导出 (*.zip *.json *.txt)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="96"/>
        <source>That is a photo or video, not a TikTok export. Import your export first (drop its zip here); then drop photos and videos onto a post to attach them.</source>
        <translation>这是照片或视频，不是 TikTok 导出数据。请先导入导出数据（把 zip 拖到这里），然后把照片和视频拖到作品上即可添加。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="117"/>
        <source>That is a photo or video, not a TikTok export. Drop the zip from TikTok&apos;s “Download your data”, its folder, or its user_data_tiktok.json; then drop photos and videos onto a post to attach them.</source>
        <translation>这是照片或视频，不是 TikTok 导出数据。请拖入 TikTok“下载你的数据”中的 zip、解压后的文件夹或 user_data_tiktok.json；然后把照片和视频拖到作品上即可添加。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="130"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="167"/>
        <source>%n post(s) translated.</source>
        <translation>
            <numerusform>已翻译 %n 条作品。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="174"/>
        <source>Translating</source>
        <translation>正在翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="210"/>
        <source>Replace your edits?</source>
        <translation>替换你的修改？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="212"/>
        <source>You edited the translation of %n of these post(s). Replace your edit with a new translation?</source>
        <translation>
            <numerusform>其中 %n 条作品的译文你修改过。要用新译文替换你的修改吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="220"/>
        <source>Replace my edit</source>
        <translation>替换我的修改</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="225"/>
        <source>Keep my edit</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="240"/>
        <source>Glossary changed</source>
        <translation>术语表已更改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="243"/>
        <source>%n translated post(s) use “%1”. Translate them again with the new glossary entry?</source>
        <translation>
            <numerusform>有 %n 条已翻译的作品用到了“%1”。要按新的术语重新翻译吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="271"/>
        <source>This post already has a draft for this platform: it is selected in the Drafts queue.</source>
        <translation>这条作品在该平台已有草稿：已在草稿队列中选中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="292"/>
        <source>%n draft(s) created in the Drafts queue.</source>
        <translation>
            <numerusform>已在草稿队列中创建 %n 份草稿。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="297"/>
        <source>Creating draft</source>
        <translation>正在创建草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="308"/>
        <source>Not translated yet</source>
        <translation>尚未翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="310"/>
        <source>This post has no translation yet, which the %1 layout needs.</source>
        <translation>这条作品还没有译文，而“%1”版式需要译文。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="313"/>
        <source>%n of the selected posts have no translation yet, which the %1 layout needs.</source>
        <translation>
            <numerusform>所选作品中有 %n 条还没有译文，而“%1”版式需要译文。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="321"/>
        <source>Translate first</source>
        <translation>先翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="328"/>
        <source>Use the original only</source>
        <translation>只用原文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="340"/>
        <source>Refreshing drafts</source>
        <translation>正在更新草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="350"/>
        <source>Rendering draft %1</source>
        <translation>正在生成草稿 %1 的媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="367"/>
        <source>Some drafts could not be rendered:</source>
        <translation>部分草稿的媒体未能生成：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="373"/>
        <source>Rendering %1 drafts</source>
        <translation>正在为 %1 个草稿生成媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="395"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="405"/>
        <source>Marking as posted</source>
        <translation>正在标记为已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="417"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="417"/>
        <source>Delete %n draft(s)? Your posts stay.</source>
        <translation>
            <numerusform>删除 %n 个草稿？你的作品不受影响。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="425"/>
        <source>Deleting drafts</source>
        <translation>正在删除草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="460"/>
        <source>Fetching media</source>
        <translation>正在下载媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="469"/>
        <source>Select a post in the library first.</source>
        <translation>请先在作品库中选择一条作品。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="476"/>
        <source>Attach photos or videos</source>
        <translation>添加照片或视频</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="480"/>
        <source>Photos and videos (*.jpg *.jpeg *.png *.webp *.heic *.mp4 *.mov *.webm)</source>
        <translation>照片和视频 (*.jpg *.jpeg *.png *.webp *.heic *.mp4 *.mov *.webm)</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/operations.py" line="493"/>
        <source>Attaching files</source>
        <translation>正在添加文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="496"/>
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>已添加 %n 个文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="98"/>
        <source>Send to phone</source>
        <translation>发送到手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="101"/>
        <source>Scan the code with your phone&apos;s camera. The phone must be on the same network as this computer. Nothing goes through the internet.</source>
        <translation>用手机相机扫描二维码。手机需与这台电脑连接同一网络。内容不经过互联网。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="105"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="108"/>
        <source>127.0.0.1 (this computer only)</source>
        <translation>127.0.0.1（仅本机）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="126"/>
        <source>Listening on %1</source>
        <translation>正在 %1 上等待手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="132"/>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="133"/>
        <source>iPad</source>
        <translation>iPad</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="134"/>
        <source>Android phone</source>
        <translation>安卓手机</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="135"/>
        <source>Android tablet</source>
        <translation>安卓平板</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="138"/>
        <source>%1 opened the page</source>
        <translation>%1 打开了页面</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="140"/>
        <source>%1 downloaded %2</source>
        <translation>%1 下载了 %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="142"/>
        <source>%1 loaded %2</source>
        <translation>%1 加载了 %2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="143"/>
        <source>%1 was refused (%2)</source>
        <translation>%1 的请求被拒绝（%2）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="164"/>
        <source>Stops in %1:%2 or when you close this window.</source>
        <translation>%1:%2 后或关闭此窗口时停止。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/phone_dialog.py" line="169"/>
        <source>Stopped. Close this window and send again for a new code.</source>
        <translation>已停止。关闭此窗口，再次发送以获得新的二维码。</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="247"/>
        <source>Your caption</source>
        <translation>你的文案</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="248"/>
        <source>Translation (edit it in your own words)</source>
        <translation>译文（用你自己的话修改）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="249"/>
        <source>Original only</source>
        <translation>仅原文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="250"/>
        <source>Translation only</source>
        <translation>仅译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="251"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="252"/>
        <source>Written in</source>
        <translation>写作语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="253"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="253"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="253"/>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="255"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="256"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="257"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="258"/>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="258"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="259"/>
        <source>Add topic</source>
        <translation>添加话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="261"/>
        <source>Your own title for this post&apos;s drafts; leave it empty to use the first sentence of the caption.</source>
        <translation>这条作品草稿的自定义标题；留空则使用文案的第一句。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="264"/>
        <source>RedNote counts a title in units: a Chinese character or an emoji is 1 unit, a Latin letter, digit or space ½ — 20 units are 20 Chinese characters or 40 Latin letters. A title made from the caption is cut with “…”.</source>
        <translation>小红书按“单位”计算标题长度：一个汉字或表情算 1 个单位，一个英文字母、数字或空格算 ½——20 个单位就是 20 个汉字或 40 个英文字母。由文案生成的标题超长时以“…”截断。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="269"/>
        <source>1 unit per Chinese character or emoji, ½ per Latin letter</source>
        <translation>每个汉字或表情算 1 个单位，每个拉丁字母算 ½</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="272"/>
        <source>Plan for</source>
        <translation>计划于</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="273"/>
        <source>Planned</source>
        <translation>计划发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="274"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="275"/>
        <source>Notes for yourself (never published)</source>
        <translation>写给自己的备注（不会发布）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="276"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="277"/>
        <source>Sentences</source>
        <translation>逐句</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="279"/>
        <source>Each sentence beside its translation, with what the translation says translated back</source>
        <translation>逐句对照原文和译文，并显示译文的回译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="281"/>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="414"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="415"/>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="421"/>
        <source>%1 / %2 topics</source>
        <translation>%1 / %2 个话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/editor.py" line="435"/>
        <location filename="../../crosspost/gui/editor.py" line="441"/>
        <source>Remove the topic %1</source>
        <translation>移除话题 %1</translation>
    </message>
</context>
<context>
    <name>PostsModel</name>
    <message>
        <location filename="../../crosspost/gui/models.py" line="139"/>
        <source>Deleted on TikTok on %1</source>
        <translation>已于 %1 在 TikTok 上删除</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/models.py" line="140"/>
        <source>Deleted on TikTok</source>
        <translation>已在 TikTok 上删除</translation>
    </message>
</context>
<context>
    <name>Publisher</name>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="362"/>
        <source>Publishing due drafts</source>
        <translation>正在发布到期的草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="362"/>
        <source>Publishing</source>
        <translation>正在发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="383"/>
        <source>Draft %1 was already posted</source>
        <translation>草稿 %1 已发布过</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="383"/>
        <source>Draft %1 is posted</source>
        <translation>草稿 %1 已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="387"/>
        <source>Draft %1 was not published: </source>
        <translation>草稿 %1 未发布：</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="394"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="404"/>
        <source>Posted: %1</source>
        <translation>已发布：%1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="423"/>
        <source>Publishing draft %1 now</source>
        <translation>正在发布草稿 %1</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/publishing.py" line="433"/>
        <source>Next: draft %1 in %2</source>
        <translation>下一个：草稿 %1，%2 后</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="198"/>
        <source>Open the published post in your browser</source>
        <translation>在浏览器中打开已发布的笔记</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="211"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="212"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="213"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="215"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="215"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="215"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="215"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="215"/>
        <source>Posted</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="218"/>
        <source>Refresh from post</source>
        <translation>从作品更新</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="221"/>
        <source>Take the post&apos;s caption, translation and media as they are now; what you changed in the draft by hand stays.</source>
        <translation>按作品当前的文案、译文和媒体更新草稿；你在草稿中手动修改的内容会保留。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="226"/>
        <source>Render</source>
        <translation>生成媒体</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="227"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="228"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="229"/>
        <source>Alt text…</source>
        <translation>替代文字…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="230"/>
        <source>Copy title</source>
        <translation>复制标题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="231"/>
        <source>Copy body</source>
        <translation>复制正文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="232"/>
        <source>Copy topics</source>
        <translation>复制话题</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="233"/>
        <source>Mark as posted…</source>
        <translation>标记为已发布…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="234"/>
        <source>Send to phone…</source>
        <translation>发送到手机…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="235"/>
        <source>Open RedNote creator page</source>
        <translation>打开小红书创作者中心</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="238"/>
        <source>Re-encode</source>
        <translation>重新编码</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="241"/>
        <source>Encode every file again, even a video or photo that already fits the platform and would be kept as it is</source>
        <translation>重新编码每个文件，即使视频或图片已符合平台要求、本可原样保留</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="245"/>
        <source>No drafts yet. Open a post in the library and choose “Create draft”.</source>
        <translation>还没有草稿。在作品库中打开一条作品，然后点“创建草稿”。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="296"/>
        <source>Title copied</source>
        <translation>标题已复制</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="296"/>
        <source>Body copied</source>
        <translation>正文已复制</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="296"/>
        <source>Topics copied</source>
        <translation>话题已复制</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="312"/>
        <source>Crosspost exports</source>
        <translation>Crosspost 导出</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/queue_view.py" line="330"/>
        <source>Export drafts to</source>
        <translation>导出草稿到</translation>
    </message>
</context>
<context>
    <name>SentenceRow</name>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="95"/>
        <source>check this sentence</source>
        <translation>请检查此句</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="96"/>
        <source>your wording</source>
        <translation>你的措辞</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="100"/>
        <source>What it says back is far from your sentence.</source>
        <translation>回译与你的原句相差很大。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="101"/>
        <source>The translator was unsure of this wording.</source>
        <translation>翻译引擎对这个译法把握不大。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="105"/>
        <source>What the translation says, translated back. Only shown here: it is never exported.</source>
        <translation>把译文再翻译回来的意思。只在这里显示，不会导出。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_row.py" line="107"/>
        <source>Right-click, or press the Menu key, for Edit, Other wordings and Add to glossary</source>
        <translation>右键单击或按菜单键，可编辑、查看其他译法或加入术语表</translation>
    </message>
</context>
<context>
    <name>SentenceView</name>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="186"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="187"/>
        <source>Other wordings</source>
        <translation>其他译法</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="188"/>
        <source>Machine&apos;s wording</source>
        <translation>机器译法</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="189"/>
        <source>Add to glossary…</source>
        <translation>加入术语表…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="192"/>
        <source>Add a term of this sentence and its translation to your glossary (select words on each side first, or adjust them in the dialog).</source>
        <translation>把这句话中的一个词及其译文加入术语表（可先在两边选中词语，也可以在对话框里修改）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="196"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="197"/>
        <source>Your caption</source>
        <translation>你的文案</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="198"/>
        <source>Translation, and what it says back</source>
        <translation>译文及回译</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="228"/>
        <source>Reading the translation sentence by sentence…</source>
        <translation>正在逐句读取译文…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="231"/>
        <source>Checking the translation</source>
        <translation>正在检查译文</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="253"/>
        <source>Saving the sentence</source>
        <translation>正在保存句子</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="265"/>
        <location filename="../../crosspost/gui/sentence_view.py" line="441"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="267"/>
        <source>You edited this translation as a whole. Editing one sentence replaces that edit with the sentence-by-sentence translation. Go on?</source>
        <translation>你整体修改过这段译文。编辑单句会用逐句译文替换你的整体修改。要继续吗？</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="291"/>
        <source>Finding other wordings</source>
        <translation>正在查找其他译法</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="364"/>
        <source>Sentence %1:</source>
        <translation>第 %1 句：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="397"/>
        <source>%1 of %n sentence(s) may be mistranslated: check the amber ones.</source>
        <translation>
            <numerusform>共 %n 句，其中 %1 句可能译错了：请检查标为琥珀色的句子。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="401"/>
        <source>%n sentence(s); none looks mistranslated.</source>
        <translation>
            <numerusform>共 %n 句，没有发现可能译错的句子。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="404"/>
        <source>You edited the whole translation: these are the machine&apos;s sentences.</source>
        <translation>你修改过整段译文：这里显示的是机器翻译的句子。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="436"/>
        <source>Added “%1” → “%2” to your glossary.</source>
        <translation>已将“%1”→“%2”加入术语表。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="442"/>
        <source>Translate the %n post(s) that contain “%1” again, with your glossary?</source>
        <translation>
            <numerusform>要用术语表重新翻译包含“%1”的 %n 条作品吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="465"/>
        <source>Translating %n post(s) again</source>
        <translation>
            <numerusform>正在重新翻译 %n 条作品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="358"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="372"/>
        <source>Outside mainland China (creator.rednote.com)</source>
        <translation>中国大陆以外（creator.rednote.com）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="373"/>
        <source>Mainland China (creator.xiaohongshu.com)</source>
        <translation>中国大陆（creator.xiaohongshu.com）</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="377"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="381"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="382"/>
        <source>Default platform</source>
        <translation>默认平台</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="383"/>
        <source>Translate captions into</source>
        <translation>文案翻译为</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="384"/>
        <source>Default fit for media</source>
        <translation>默认画面适配</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="385"/>
        <source>RedNote account registered</source>
        <translation>小红书账号注册地</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="386"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="387"/>
        <source>Accounts…</source>
        <translation>账号…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="389"/>
        <source>Publishing</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="391"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../crosspost/gui/shortcuts.py" line="82"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/shortcuts.py" line="84"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/shortcuts.py" line="84"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SkippedPosts</name>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="34"/>
        <source>No %1→%2 language pack is installed (the caption was detected as %1).</source>
        <translation>未安装%1→%2语言包（文案被识别为%1）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="38"/>
        <source>No %1→%2 language pack is installed (the caption is too short to tell, so it was taken to be in %1, the account&apos;s usual language).</source>
        <translation>未安装%1→%2语言包（文案太短无法判断，已按账号常用语言%1处理）。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="44"/>
        <source>No %1→%2 language pack is installed (you said the post is written in %1).</source>
        <translation>未安装%1→%2语言包（你设置了这条作品用%1写成）。</translation>
    </message>
</context>
<context>
    <name>SkippedPostsDialog</name>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="62"/>
        <source>Some posts were not translated</source>
        <translation>有些作品没有翻译</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="65"/>
        <source>%n post(s) could not be translated.</source>
        <translation>
            <numerusform>有 %n 条作品无法翻译。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="67"/>
        <source>%n other post(s) were translated.</source>
        <translation>
            <numerusform>其余 %n 条作品已翻译。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="78"/>
        <source>Post %1 “%2”: %3</source>
        <translation>作品 %1“%2”：%3</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="80"/>
        <source>Post %1: %2</source>
        <translation>作品 %1：%2</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="84"/>
        <source>Set its language…</source>
        <translation>设置语言…</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="85"/>
        <source>Open the post and choose the language it is written in</source>
        <translation>打开这条作品，选择它的写作语言</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/skipped_posts.py" line="86"/>
        <source>Language packs…</source>
        <translation>语言包…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="96"/>
        <source>… and %n more post(s), skipped for the same reasons.</source>
        <translation>
            <numerusform>…还有 %n 条作品因同样的原因被跳过。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <location filename="../../crosspost/gui/task_panel.py" line="26"/>
        <location filename="../../crosspost/gui/task_panel.py" line="34"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../crosspost/gui/welcome.py" line="59"/>
        <source>Bring your TikTok posts to RedNote</source>
        <translation>把你的 TikTok 作品带到小红书</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/welcome.py" line="62"/>
        <source>&lt;p&gt;1. In TikTok open &lt;b&gt;Profile → Menu ☰ → Settings and privacy → Account → Download your data&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;2. Choose &lt;b&gt;JSON&lt;/b&gt; (or TXT) and &lt;b&gt;All data&lt;/b&gt;, then &lt;b&gt;Request data&lt;/b&gt;. TikTok prepares it within a few days; download it from the &lt;b&gt;Download data&lt;/b&gt; tab.&lt;/p&gt;&lt;p&gt;3. Drop the zip here. Your messages and history are never read; only your own posts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;1. 在 TikTok 中打开 &lt;b&gt;个人主页 → 菜单 ☰ → 设置和隐私 → 账号 → 下载你的数据&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;2. 选择 &lt;b&gt;JSON&lt;/b&gt;（或 TXT）和 &lt;b&gt;所有数据&lt;/b&gt;，然后点 &lt;b&gt;申请数据&lt;/b&gt;。TikTok 会在几天内准备好，到 &lt;b&gt;下载数据&lt;/b&gt; 页签下载。&lt;/p&gt;&lt;p&gt;3. 把压缩包拖到这里。私信和浏览记录一概不读，只读取你自己的作品。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/welcome.py" line="68"/>
        <source>Drop your TikTok export here</source>
        <translation>把 TikTok 导出文件拖到这里</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/welcome.py" line="69"/>
        <source>Choose a file or folder…</source>
        <translation>选择文件或文件夹…</translation>
    </message>
</context>
<context>
    <name>WordingsDialog</name>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="50"/>
        <source>Other wordings of sentence %1</source>
        <translation>第 %1 句的其他译法</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="56"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="57"/>
        <source>check this wording</source>
        <translation>请检查此译法</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/sentence_view.py" line="64"/>
        <source>Use this wording</source>
        <translation>使用此译法</translation>
    </message>
</context>
<context>
    <name>WrittenInBox</name>
    <message>
        <location filename="../../crosspost/gui/written_in_box.py" line="32"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/written_in_box.py" line="37"/>
        <source>The language this post is written in. Crosspost detects it; choose it here when the detection is wrong.</source>
        <translation>这条作品的写作语言。Crosspost 会自动检测；检测有误时请在这里选择。</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="39"/>
        <source>Crosspost</source>
        <translation>Crosspost</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="43"/>
        <source>Something unexpected happened. The details were saved in the log file; please include them if you report the problem.</source>
        <translation>发生了意外错误。详情已写入日志文件；反馈问题时请附上。</translation>
    </message>
    <message>
        <location filename="../../crosspost/gui/dialogs.py" line="47"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
</TS>
