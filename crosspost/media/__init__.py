"""Media: probing, fetching, photo and video rendering for platforms, covers and thumbnails."""
