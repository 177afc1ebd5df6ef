"""Errors a user can act on.

Every failure the user can fix (bad input, wrong state) is a ``UserError``: the CLI prints its message
on stderr and exits 1, the window shows it in a dialog. Anything else escaping is a bug.
"""


class UserError(Exception):
    """A problem with the input or the state, with a message that says what to do."""

    exit_code = 1


class Cancelled(Exception):
    """The user cancelled a long job; whatever it did so far was rolled back or kept whole."""
