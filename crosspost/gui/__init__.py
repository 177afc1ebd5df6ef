"""The desktop window: a thin Qt face on the same core functions the CLI uses."""
