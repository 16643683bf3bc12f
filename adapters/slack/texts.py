"""What the Slack adapter itself says to people and operators, gathered in one place.

What people read is an `N_` message id, translated where it is shown; what operators read when
Turnout starts (the functions below) stays English, like the logs."""

# The one "something went wrong" every platform says, written in the core.
from bot.app.turnout import SOMETHING_BROKE as SOMETHING_BROKE
from bot.kernel.i18n import N_

FORM_TOO_SLOW = N_(
    "That took me a moment, so Slack closed the form before it opened. "
    "Press the button to open it now."
)
OPEN_FORM = N_("Open the form")
UPLOAD_FAILED = N_(
    "Slack didn't take the file just now, so I couldn't send it to you; "
    "please run the command again in a minute."
)
AGAIN_LOST = N_(
    "That button doesn't say which command to run any more; please type the command again, "
    "like `/phonebank create`."
)


def refused_token(variable: str, code: str) -> str:
    return (
        f"Slack refused {variable} ({code}). Copy it again from your app's settings at "
        "https://api.slack.com/apps (see docs/slack.md)."
    )


def unreachable(url: str, error: object) -> str:
    return f"can't reach Slack at {url} ({error}); check your network or SLACK_API_URL."


def port_taken(host: str, port: int, error: object) -> str:
    return (
        f"can't listen for Slack on {host}:{port} ({error}); set TURNOUT_HTTP_PORT to a free port."
    )
