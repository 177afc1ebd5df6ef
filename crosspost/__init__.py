"""Crosspost: carry a creator's TikTok posts to RedNote and other platforms, offline."""

__version__ = "0.1.0"
