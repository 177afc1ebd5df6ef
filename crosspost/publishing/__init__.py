"""Publishing drafts through the platforms' own APIs (Bluesky first): accounts and their secrets,
rich text, the exactly-once publishing loop, and the schedule. Qt-free."""
