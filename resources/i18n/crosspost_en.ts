<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChoosePostDialog</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/post_dialogs.py" line="35"/>
        <source>Choose the post %n file(s) belong to (or drop them right onto a post in the library next time).</source>
        <translation>
            <numerusform>Choose the post %n file belong to (or drop them right onto a post in the library next time).</numerusform>
            <numerusform>Choose the post %n files belong to (or drop them right onto a post in the library next time).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryBanner</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="168"/>
        <source>Your export&apos;s media links expire in %n day(s) (%1) — fetch them now.</source>
        <translation>
            <numerusform>Your export&apos;s media links expire in %n day (%1) — fetch them now.</numerusform>
            <numerusform>Your export&apos;s media links expire in %n days (%1) — fetch them now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="190"/>
        <source>%n bundle(s) exported to:</source>
        <translation>
            <numerusform>%n bundle exported to:</numerusform>
            <numerusform>%n bundles exported to:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="73"/>
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n new post</numerusform>
            <numerusform>%n new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="74"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="75"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="82"/>
        <source>%n post(s) are ones you deleted on TikTok; they are marked in the library.</source>
        <translation>
            <numerusform>%n post is one you deleted on TikTok; it is marked in the library.</numerusform>
            <numerusform>%n posts are ones you deleted on TikTok; they are marked in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="101"/>
        <source>Skipped or changed (%n):</source>
        <translation>
            <numerusform>Skipped or changed (%n):</numerusform>
            <numerusform>Skipped or changed (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/panels.py" line="104"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/import_words.py" line="171"/>
        <source>Skipped %n post(s) in %1 whose date is not a real date (%2).</source>
        <translation>
            <numerusform>Skipped %n post in %1 whose date is not a real date (%2).</numerusform>
            <numerusform>Skipped %n posts in %1 whose dates are not real dates (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/import_words.py" line="196"/>
        <source>%n file(s) in %1 matched no post (%2); drop them on their posts to attach them.</source>
        <translation>
            <numerusform>%n file in %1 matched no post (%2); drop it on its post to attach it.</numerusform>
            <numerusform>%n files in %1 matched no post (%2); drop them on their posts to attach them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="48"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="50"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="52"/>
        <source>%n hashtag(s)</source>
        <translation>
            <numerusform>%n hashtag</numerusform>
            <numerusform>%n hashtags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="54"/>
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="56"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="58"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="60"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguagePacksDialog</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/dialogs.py" line="304"/>
        <source>%n pack(s) in the index.</source>
        <translation>
            <numerusform>%n pack in the index.</numerusform>
            <numerusform>%n packs in the index.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/library_view.py" line="103"/>
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LostMedia</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/lost_media.py" line="21"/>
        <source>%n photo(s) or video(s) of this post are lost: not on this computer, and their link no longer works. Take them out of the post and its drafts?</source>
        <translation>
            <numerusform>%n photo or video of this post is lost: not on this computer, and its link no longer works. Take it out of the post and its drafts?</numerusform>
            <numerusform>%n photos or videos of this post are lost: not on this computer, and their links no longer work. Take them out of the post and its drafts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/lost_media.py" line="28"/>
        <source>%n lost item(s) dropped from the post.</source>
        <translation>
            <numerusform>%n lost item dropped from the post.</numerusform>
            <numerusform>%n lost items dropped from the post.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaCounts</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/media_labels.py" line="105"/>
        <source>%n file(s) are gone: TikTok answered that the link no longer has it. Drop the lost items (Post → Drop lost media) or attach your own files.</source>
        <translation>
            <numerusform>%n file is gone: TikTok answered that the link no longer has it. Drop the lost item (Post → Drop lost media) or attach your own file.</numerusform>
            <numerusform>%n files are gone: TikTok answered that their links no longer have them. Drop the lost items (Post → Drop lost media) or attach your own files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/media_labels.py" line="112"/>
        <source>Of %n file(s): %1 downloaded, %2 already on disk, %3 gone, %4 failed.</source>
        <translation>
            <numerusform>Of %n file: %1 downloaded, %2 already on disk, %3 gone, %4 failed.</numerusform>
            <numerusform>Of %n files: %1 downloaded, %2 already on disk, %3 gone, %4 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="342"/>
        <source>%n topic(s); %1 allows %2.</source>
        <translation>
            <numerusform>%n topic; %1 allows %2.</numerusform>
            <numerusform>%n topics; %1 allows %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="351"/>
        <source>%n sentence(s) may be mistranslated: what the translation says back is far from your caption.</source>
        <translation>
            <numerusform>%n sentence may be mistranslated: what the translation says back is far from your caption.</numerusform>
            <numerusform>%n sentences may be mistranslated: what the translation says back is far from your caption.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="376"/>
        <source>The caption goes out as a thread of %n post(s).</source>
        <translation>
            <numerusform>The caption goes out as a thread of %n post.</numerusform>
            <numerusform>The caption goes out as a thread of %n posts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="380"/>
        <source>%n photo(s) or video(s) (%1) without alt text: people using screen readers on %2 will not know what they show. Add it in Alt text….</source>
        <translation>
            <numerusform>%n photo or video (%1) without alt text: people using screen readers on %2 will not know what they show. Add it in Alt text….</numerusform>
            <numerusform>%n photos or videos (%1) without alt text: people using screen readers on %2 will not know what they show. Add it in Alt text….</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="392"/>
        <source>%n photo(s); %1 takes at most %2 per post.</source>
        <translation>
            <numerusform>%n photo; %1 takes at most %2 per post.</numerusform>
            <numerusform>%n photos; %1 takes at most %2 per post.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="167"/>
        <source>%n post(s) translated.</source>
        <translation>
            <numerusform>%n post translated.</numerusform>
            <numerusform>%n posts translated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="212"/>
        <source>You edited the translation of %n of these post(s). Replace your edit with a new translation?</source>
        <translation>
            <numerusform>You edited the translation of %n of these post. Replace your edit with a new translation?</numerusform>
            <numerusform>You edited the translation of %n of these posts. Replace your edit with a new translation?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="243"/>
        <source>%n translated post(s) use “%1”. Translate them again with the new glossary entry?</source>
        <translation>
            <numerusform>%n translated post uses “%1”. Translate them again with the new glossary entry?</numerusform>
            <numerusform>%n translated posts use “%1”. Translate them again with the new glossary entry?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="292"/>
        <source>%n draft(s) created in the Drafts queue.</source>
        <translation>
            <numerusform>%n draft created in the Drafts queue.</numerusform>
            <numerusform>%n drafts created in the Drafts queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="313"/>
        <source>%n of the selected posts have no translation yet, which the %1 layout needs.</source>
        <translation>
            <numerusform>%n of the selected posts has no translation yet, which the %1 layout needs.</numerusform>
            <numerusform>%n of the selected posts have no translation yet, which the %1 layout needs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="417"/>
        <source>Delete %n draft(s)? Your posts stay.</source>
        <translation>
            <numerusform>Delete %n draft? Your posts stay.</numerusform>
            <numerusform>Delete %n drafts? Your posts stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/operations.py" line="496"/>
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentenceView</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="397"/>
        <source>%1 of %n sentence(s) may be mistranslated: check the amber ones.</source>
        <translation>
            <numerusform>%1 of %n sentence may be mistranslated: check the amber ones.</numerusform>
            <numerusform>%1 of %n sentences may be mistranslated: check the amber ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="401"/>
        <source>%n sentence(s); none looks mistranslated.</source>
        <translation>
            <numerusform>%n sentence; it does not look mistranslated.</numerusform>
            <numerusform>%n sentences; none looks mistranslated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="442"/>
        <source>Translate the %n post(s) that contain “%1” again, with your glossary?</source>
        <translation>
            <numerusform>Translate the %n post that contains “%1” again, with your glossary?</numerusform>
            <numerusform>Translate the %n posts that contain “%1” again, with your glossary?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="465"/>
        <source>Translating %n post(s) again</source>
        <translation>
            <numerusform>Translating %n post again</numerusform>
            <numerusform>Translating %n posts again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SkippedPostsDialog</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="65"/>
        <source>%n post(s) could not be translated.</source>
        <translation>
            <numerusform>%n post could not be translated.</numerusform>
            <numerusform>%n posts could not be translated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="67"/>
        <source>%n other post(s) were translated.</source>
        <translation>
            <numerusform>%n other post was translated.</numerusform>
            <numerusform>%n other posts were translated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/skipped_posts.py" line="96"/>
        <source>… and %n more post(s), skipped for the same reasons.</source>
        <translation>
            <numerusform>… and %n more post, skipped for the same reasons.</numerusform>
            <numerusform>… and %n more posts, skipped for the same reasons.</numerusform>
        </translation>
    </message>
</context>
</TS>
