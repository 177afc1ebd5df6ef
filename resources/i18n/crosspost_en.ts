<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Labels</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="31"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="33"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="35"/>
        <source>%n hashtag(s)</source>
        <translation>
            <numerusform>%n hashtag</numerusform>
            <numerusform>%n hashtags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="37"/>
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="39"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="41"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/labels.py" line="43"/>
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
        <location filename="../../crosspost/gui/dialogs.py" line="174"/>
        <source>%n pack(s) in the index.</source>
        <translation>
            <numerusform>%n pack in the index.</numerusform>
            <numerusform>%n packs in the index.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="346"/>
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="422"/>
        <source>Imported %n new post(s)</source>
        <translation>
            <numerusform>Imported %n new post</numerusform>
            <numerusform>Imported %n new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="423"/>
        <source>%n updated.</source>
        <translation>
            <numerusform>%n updated.</numerusform>
            <numerusform>%n updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="481"/>
        <source>%n file(s) downloaded.</source>
        <translation>
            <numerusform>%n file downloaded.</numerusform>
            <numerusform>%n files downloaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="483"/>
        <source>%n could not be downloaded (expired or refused links): attach your own files with Post → Attach files….</source>
        <translation>
            <numerusform>%n could not be downloaded (expired or refused link): attach your own files with Post → Attach files….</numerusform>
            <numerusform>%n could not be downloaded (expired or refused links): attach your own files with Post → Attach files….</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="512"/>
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/window.py" line="579"/>
        <source>Delete %n draft(s)? Your posts stay.</source>
        <translation>
            <numerusform>Delete %n draft? Your posts stay.</numerusform>
            <numerusform>Delete %n drafts? Your posts stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="116"/>
        <source>%n topic(s); %1 allows %2.</source>
        <translation>
            <numerusform>%n topic; %1 allows %2.</numerusform>
            <numerusform>%n topics; %1 allows %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/messages.py" line="131"/>
        <source>%n photo(s); %1 takes at most %2 per post.</source>
        <translation>
            <numerusform>%n photo; %1 takes at most %2 per post.</numerusform>
            <numerusform>%n photos; %1 takes at most %2 per post.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentenceView</name>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="309"/>
        <source>%1 of %n sentence(s) may be mistranslated: check the amber ones.</source>
        <translation>
            <numerusform>%1 of %n sentence may be mistranslated: check the amber ones.</numerusform>
            <numerusform>%1 of %n sentences may be mistranslated: check the amber ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="313"/>
        <source>%n sentence(s); none looks mistranslated.</source>
        <translation>
            <numerusform>%n sentence; it does not look mistranslated.</numerusform>
            <numerusform>%n sentences; none looks mistranslated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="356"/>
        <source>Translate the %n post(s) that contain “%1” again, with your glossary?</source>
        <translation>
            <numerusform>Translate the %n post that contains “%1” again, with your glossary?</numerusform>
            <numerusform>Translate the %n posts that contain “%1” again, with your glossary?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../crosspost/gui/sentence_view.py" line="376"/>
        <source>Translating %n post(s) again</source>
        <translation>
            <numerusform>Translating %n post again</numerusform>
            <numerusform>Translating %n posts again</numerusform>
        </translation>
    </message>
</context>
</TS>
