"""The names of the cover styles (no imaging here: the CLI lists them without loading Pillow)."""

# Each style with what it draws (the CLI's help), in the order they are offered.
STYLE_HELP = {
    "bold": "a big centred title",
    "banner": "the title on a band across the lower part",
    "bilingual": "the title and a smaller subtitle (the original language) under it",
    "none": "no text on the cover",
}
STYLES = tuple(STYLE_HELP)
