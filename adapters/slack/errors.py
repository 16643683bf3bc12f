"""Reading Slack's refusals.

A refusal is not always Slack's JSON: a proxy in trouble answers HTML or plain text, and then
the SDK's SlackApiError carries the text, or the raw aiohttp response, instead of a
SlackResponse. These read all of them.
"""

from collections.abc import Mapping

from slack_sdk.errors import SlackApiError


def error_code(error: SlackApiError) -> str:
    """Slack's error code (`user_not_found`), or the HTTP status when the body had none."""
    data = getattr(error.response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    return str(code or f"HTTP {status(error)}")


def status(error: SlackApiError) -> int:
    """The HTTP status of the answer (0 when unknown)."""
    response = error.response
    found = getattr(response, "status_code", None) or getattr(response, "status", None)
    return found if isinstance(found, int) else 0


def headers(error: SlackApiError) -> Mapping[str, str]:
    found = getattr(error.response, "headers", None)
    return found if isinstance(found, Mapping) else {}


def not_slack(error: SlackApiError) -> bool:
    """Whether the answer wasn't Slack's JSON at all (an HTML or text error page)."""
    return not isinstance(getattr(error.response, "data", None), dict)
