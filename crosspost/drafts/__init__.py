"""The draft queue: composition, preflight, rendering and export of ready-to-publish posts."""
