"""Errors that reach the user as one clear line."""


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
