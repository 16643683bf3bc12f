"""The one error a person ever sees from the core."""


class UserError(Exception):
    """A request that cannot be done as asked.

    The message is a complete, friendly sentence that says what to do instead; adapters show it
    to the person who asked, verbatim. Raising it inside a unit of work rolls everything back.
    The core's own sentences are written as `N_` message ids with `{named}` placeholders and
    their `values`, so whoever shows one translates it then (`bot.kernel.i18n.refusal`);
    `message` is the English.
    """

    def __init__(self, message: str, /, *, about: str = "", **values: object) -> None:
        text = message.format(**values) if values else message
        super().__init__(text)
        self.message = text
        self.sentence = message
        self.values = values
        # The form question the refusal is about (its field's name), when it is one answer's
        # fault: platforms ask that question again and keep the other answers.
        self.about = about
