"""The import's problems in the window's words: why an export can't be read (``ExportUnreadable``) and
what an import skipped or changed (``ImportNote``), translatable like every window string. The CLI
prints the core's English sentences; the window words each case from its code and facts."""

from __future__ import annotations

from PySide6.QtCore import QObject

from crosspost.errors import ExportFault, ExportUnreadable, ModelFault, ModelUnusable
from crosspost.gui.words import fill
from crosspost.importing.notes import ImportNote, NoteCode


class ImportWords(QObject):
    """The translation context "ImportWords"."""

    def _again(self, sentence: str) -> str:
        """SENTENCE, then the advice to download the export again (joined as the language joins them)."""
        return fill(
            self.tr(
                "%1 Download the export from TikTok again (“Download your data”, then the zip from the "
                "Download data tab)."
            ),
            sentence,
        )

    def fault(self, exc: ExportUnreadable) -> str:  # noqa: C901 - one sentence a fault
        name, f = exc.name, exc.fault
        match f:
            case ExportFault.NOTHING_GIVEN:
                return self.tr("Nothing to import: drop your TikTok export on the window, or use File → Import…")
            case ExportFault.MISSING:
                return fill(self.tr("%1 is not there any more. Choose the export again with File → Import…"), name)
            case ExportFault.NOT_READABLE:
                return fill(
                    self.tr("%1 cannot be read (%2). Check that you may open it, then import it again."),
                    name,
                    exc.detail,
                )
            case ExportFault.NOT_A_REGULAR_FILE:
                return fill(
                    self.tr("%1 is not a file but a pipe, a device or a socket; it is not a TikTok export."), name
                )
            case ExportFault.NAMED_ZIP:
                return self._again(fill(self.tr("%1 is named .zip but is not a zip file."), name))
            case ExportFault.BAD_ZIP:
                return self._again(
                    fill(self.tr("%1 is a zip file that cannot be read: it may be incomplete or damaged."), name)
                )
            case ExportFault.DAMAGED_MEMBER:
                return self._again(fill(self.tr("%1 is damaged: %2 inside it cannot be read back."), name, exc.member))
            case ExportFault.ZIP_BOMB:
                return fill(
                    self.tr(
                        "%1 looks like a zip bomb: %2 inside it claims %3. Nothing was imported; use "
                        "the zip TikTok sent you."
                    ),
                    name,
                    exc.member,
                    exc.limit,
                )
            case ExportFault.TOO_MANY_FILES:
                return fill(
                    self.tr(
                        "%1 holds more than %2 text files, which no TikTok export does. Choose the "
                        "export's own folder or its zip."
                    ),
                    name,
                    exc.limit,
                )
            case ExportFault.WRONG_KIND:
                return fill(
                    self.tr(
                        "%1 is not a TikTok export. Choose the zip from TikTok's “Download your "
                        "data”, its unpacked folder, or its .json or .txt file."
                    ),
                    name,
                )
            case ExportFault.NO_EXPORT_FILES:
                return fill(
                    self.tr(
                        "%1 holds no TikTok export: there is no .json or .txt file in it. Choose the "
                        "zip from TikTok's “Download your data”."
                    ),
                    name,
                )
            case ExportFault.NO_POST_LIST:
                return fill(
                    self.tr(
                        "%1 is not a TikTok export: none of its files is TikTok's list of your posts "
                        "(user_data_tiktok.json, Posts.txt or Videos.txt)."
                    ),
                    name,
                )
            case ExportFault.NOT_AN_OBJECT:
                return fill(self.tr("%1 is not a TikTok export: its data is not laid out as TikTok writes it."), name)
            case ExportFault.EMPTY:
                return fill(self.tr("%1 is empty; it is not a TikTok export."), name)
            case ExportFault.NOT_UTF8:
                return fill(self.tr("%1 is not text as TikTok writes it (not UTF-8); it is not a TikTok export."), name)
            case ExportFault.TRUNCATED:
                return self._again(
                    fill(self.tr("%1 is cut off before its end. Unzip it again if the copy was interrupted."), name)
                )
            case ExportFault.INVALID_JSON:
                return fill(self.tr("%1 is not valid JSON (%2); it is not a readable TikTok export."), name, exc.detail)
            case ExportFault.TOO_DEEP:
                return fill(
                    self.tr(
                        "%1 nests its data more than %2 levels deep, which no TikTok export does; nothing was imported."
                    ),
                    name,
                    exc.limit,
                )
            case ExportFault.TOO_LARGE:
                return fill(
                    self.tr("%1 is larger than any TikTok post list (%2); nothing was imported."), name, exc.limit
                )
            case ExportFault.MEDIA_NOT_A_FOLDER:
                return fill(self.tr("%1 is not a folder; choose the folder that holds your videos and photos."), name)
        return str(exc)

    def model(self, exc: ModelUnusable) -> str:
        """A language pack or model that could not be installed (Tools → Language packs…)."""
        name = exc.name
        match exc.fault:
            case ModelFault.NOT_A_FILE:
                return fill(self.tr("%1 is not a file. Choose an .argosmodel language pack or a quickmt model."), name)
            case ModelFault.NOT_A_PACK:
                return fill(
                    self.tr(
                        "%1 is neither an Argos language pack (.argosmodel) nor a quickmt model. Nothing was installed."
                    ),
                    name,
                )
            case ModelFault.INCOMPLETE:
                return fill(
                    self.tr("%1 is not complete: %2 is missing. Download it again; nothing was installed."),
                    name,
                    ", ".join(exc.missing),
                )
            case ModelFault.TOO_LARGE:
                return fill(self.tr("%1 is too large to be a translation model; nothing was installed."), name)
            case ModelFault.NO_PAIR:
                return fill(self.tr("%1 does not say which languages it translates; nothing was installed."), name)
            case ModelFault.WRONG_PAIR:
                return fill(
                    self.tr("%1 translates %2, not the languages you chose; nothing was installed."), name, exc.pair
                )
            case ModelFault.DAMAGED:
                return fill(self.tr("%1 is damaged. Download it again; nothing was installed."), name)
            case ModelFault.UNSAFE_PATHS:
                return fill(self.tr("%1 holds files outside its own folder; nothing was installed."), name)
            case ModelFault.NESTED:
                return fill(
                    self.tr(
                        "In %1 the model is deeper than one folder: zip the model's own folder. Nothing was installed."
                    ),
                    name,
                )
        return str(exc)

    def note(self, note: str) -> str:
        """One line of what an import skipped or changed (a plain sentence is shown as it is)."""
        if not isinstance(note, ImportNote):
            return note
        f = note.facts
        match note.code:
            case NoteCode.BAD_DATES:
                return fill(
                    self.tr("Skipped %n post(s) in %1 whose date is not a real date (%2).", "", int(f["count"])),
                    f["name"],
                    f["shown"],
                )
            case NoteCode.NO_OWN_POSTS:
                return fill(
                    self.tr("%1 has no posts of yours in it (the export's list of your posts is empty)."), f["name"]
                )
            case NoteCode.NOT_A_REGULAR_FILE:
                return fill(self.tr("Skipped %1: it is not a file (a pipe, a device or a socket)."), f["name"])
            case NoteCode.OUTSIDE_ARCHIVE:
                return fill(self.tr("Skipped the archive entry %1: its name points outside the archive."), f["name"])
            case NoteCode.CAPTION_CUT:
                return fill(
                    self.tr(
                        "The caption of the post of %1 is %2 characters long; only its first %3 were "
                        "kept (no platform takes more)."
                    ),
                    f["date"],
                    f"{int(f['length']):,}",
                    f"{int(f['kept']):,}",
                )
            case NoteCode.MEDIA_UNMATCHED:
                return fill(
                    self.tr(
                        "%n file(s) in %1 matched no post (%2); drop them on their posts to attach them.",
                        "",
                        int(f["count"]),
                    ),
                    f["name"],
                    f["shown"],
                )
        return str(note)


_words = ImportWords()

# An unreadable export, an unusable model, an import note, in the UI language.
export_fault_text = _words.fault
model_fault_text = _words.model
import_note_text = _words.note
