"""The one error a person ever sees from the core."""


class UserError(Exception):
    """A request that cannot be done as asked.

    The message is a complete, friendly sentence that says what to do instead; adapters show it
    to the person who asked, verbatim. Raising it inside a unit of work rolls everything back.
    """

    def __init__(self, message: str, *, about: str = "") -> None:
        super().__init__(message)
        self.message = message
        # The form question the refusal is about (its field's name), when it is one answer's
        # fault: platforms ask that question again and keep the other answers.
        self.about = about
