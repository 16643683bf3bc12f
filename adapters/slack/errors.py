"""Reading Slack's refusals."""

from slack_sdk.errors import SlackApiError


def error_code(error: SlackApiError) -> str:
    """Slack's error code (`user_not_found`), or the HTTP status when the body had none."""
    data = error.response.data
    code = data.get("error") if isinstance(data, dict) else None
    return str(code or f"HTTP {error.response.status_code}")
