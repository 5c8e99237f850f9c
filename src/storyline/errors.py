"""Errors that reach the user as one clear line."""

import re


class StorylineError(Exception):
    """Base for errors shown to the user without a traceback."""


class InputError(StorylineError):
    """A source that cannot be ingested: names the input and what is wrong with it."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(StorylineError):
    """The store cannot be opened or written."""


_CREDENTIALS = re.compile(r"(?P<keep>\b[A-Za-z][\w+.-]*://[^\s:/@'\"]*:)[^\s'\"]*@")
_PASSWORD_PARAMETER = re.compile(r"(?P<keep>\b(?:password|passwd|pwd|sslpassword)\s*=\s*)[^\s&;'\"]+", re.IGNORECASE)


def without_credentials(message: str) -> str:
    """``message`` with the password of every URL in it (``scheme://user:PASSWORD@host``) and every
    ``password=…`` parameter masked: no error shown to a user repeats a database URL's password."""
    message = _CREDENTIALS.sub(r"\g<keep>***@", message)
    return _PASSWORD_PARAMETER.sub(r"\g<keep>***", message)
