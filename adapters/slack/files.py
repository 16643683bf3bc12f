"""Files that go with a message, through files_upload_v2.

The SDK asks files.getUploadURLExternal for an address per file, POSTs the bytes there, and
shares them with files.completeUploadExternal in one conversation. A message with files and
no buttons goes out as that one shared upload, its text as the comment: if anything fails
before completeUploadExternal, nothing was shown, so a retry never repeats it. A message with
buttons is posted first (a comment can't carry buttons) and its files follow.

An ephemeral answer can't carry a file, so a private answer's files go to the person's DM
with the bot, and the answer says so.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from adapters.slack.blocks import message, summary
from bot.ports.replies import Attachment, Message, Reply

# Calls a Web API method by its client name: `await call("chat_postMessage", channel=...)`.
Call = Callable[..., Awaitable[Any]]


def files_of(reply: Reply) -> tuple[Attachment, ...]:
    return reply.files if isinstance(reply, Message) else ()


def in_one_upload(reply: Reply) -> bool:
    """Whether the whole reply can go as one upload with its text as the comment."""
    return isinstance(reply, Message) and bool(reply.files) and not reply.buttons


def upload(channel: str, reply: Reply, *, comment: str | None) -> dict[str, Any]:
    """files_upload_v2 arguments sharing the reply's files in `channel`.

    `comment` is mrkdwn and must already be escaped (blocks.summary does it).
    """
    return {
        "channel": channel,
        "file_uploads": [
            {"content": f.content, "filename": f.filename, "title": f.title or f.filename}
            for f in files_of(reply)
        ],
        "initial_comment": comment,
    }


async def post_with_files(call: Call, channel: str, reply: Reply) -> None:
    """Post a reply in a conversation the bot can write to, its files with it."""
    if in_one_upload(reply):
        await call("files_upload_v2", **upload(channel, reply, comment=summary(reply)))
        return
    await call("chat_postMessage", channel=channel, **message(reply))
    if files_of(reply):
        await call("files_upload_v2", **upload(channel, reply, comment=None))


def sent_to_dm(reply: Message) -> Message:
    """A private answer whose files went to the person's DM, saying where they are."""
    names = ", ".join(f.filename for f in reply.files)
    return Message(
        f"{reply.text}\n\nI've sent you {names} in our direct messages.",
        buttons=reply.buttons,
        error=reply.error,
    )
