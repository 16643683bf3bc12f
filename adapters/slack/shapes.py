"""What a Slack payload must look like before anything acts on it.

A request signed with our secret is from Slack, or from someone holding the secret; either way
its shape is checked here before bolt or the core sees it: a field that should be a string and
is an object would otherwise raise deep inside bolt, or name a volunteer `{'x': 1}`. Only the
fields Turnout reads are checked; anything else may be whatever Slack makes of it.
"""

import json
from typing import Any

# Events whose `user` is a whole user object rather than an ID.
_USER_OBJECT_EVENTS = frozenset({"team_join", "user_change"})
_INTERACTIONS = frozenset({"block_actions", "view_submission", "view_closed"})


def problem(body: Any) -> str | None:
    """Why `body` is not a payload Turnout can act on; None when it is."""
    if not isinstance(body, dict):
        return "not an object"
    if "command" in body:
        return _command(body)
    kind = body.get("type")
    if kind is None and "ssl_check" in body:
        return None
    if not isinstance(kind, str):
        return "no type"
    if kind == "event_callback":
        return _event_callback(body)
    if kind == "url_verification":
        return _strings(body, "challenge", required=True)
    if kind in _INTERACTIONS:
        return _interaction(kind, body)
    # Other kinds reach no listener of ours; bolt answers them itself.
    return _optional_user(body)


def _command(body: dict[str, Any]) -> str | None:
    return _strings(body, "command", "user_id", required=True) or _strings(
        body,
        "text",
        "user_name",
        "team_id",
        "team_domain",
        "channel_id",
        "response_url",
        "trigger_id",
    )


def _event_callback(body: dict[str, Any]) -> str | None:
    event = body.get("event")
    if not isinstance(event, dict):
        return "an event that is not an object"
    found = _strings(body, "team_id", "event_id") or _strings(event, "type", required=True)
    if found:
        return found
    user = event.get("user")
    if event["type"] in _USER_OBJECT_EVENTS:
        return _user(user, "event.user")
    return _strings(event, "user", "channel", "tab", "team")


def _interaction(kind: str, body: dict[str, Any]) -> str | None:
    found = (
        _user(body.get("user"), "user")
        or _team(body.get("team"))
        or _strings(body, "trigger_id", "response_url")
        or _part(body, "channel", "id")
        or _part(body, "container", "channel_id", "message_ts")
        or _state(body.get("state"), "state")
    )
    if found:
        return found
    view = body.get("view")
    if kind != "block_actions" or view is not None:
        found = _view(view, needs_callback=kind != "block_actions")
        if found:
            return found
    if kind == "block_actions":
        return _actions(body.get("actions"))
    return None


def _actions(actions: Any) -> str | None:
    if not isinstance(actions, list) or not actions:
        return "actions that are not a list"
    for action in actions:
        if not isinstance(action, dict):
            return "an action that is not an object"
        found = _strings(action, "action_id", required=True) or _strings(action, "value")
        if found:
            return found
    return None


def _view(view: Any, *, needs_callback: bool) -> str | None:
    if not isinstance(view, dict):
        return "a view that is not an object"
    found = (
        _strings(view, "type", required=True)
        or _strings(view, "callback_id", required=needs_callback)
        or _strings(view, "private_metadata", "id")
        or _state(view.get("state"), "view.state")
    )
    if found:
        return found
    if not isinstance(view.get("blocks", []), list):
        return "view.blocks that are not a list"
    metadata = view.get("private_metadata") or "{}"
    try:
        parsed = json.loads(metadata)
    except ValueError:
        return "view.private_metadata that is not JSON"
    return None if isinstance(parsed, dict) else "view.private_metadata that is not an object"


def _state(state: Any, where: str) -> str | None:
    """Inputs' states: {"values": {block: {action: {...}}}}."""
    if state is None:
        return None
    values = state.get("values", {}) if isinstance(state, dict) else None
    if not isinstance(values, dict) or not all(
        isinstance(block, dict) and all(isinstance(v, dict) for v in block.values())
        for block in values.values()
    ):
        return f"{where} that is not Slack's"
    return None


def _user(user: Any, where: str) -> str | None:
    if not isinstance(user, dict):
        return f"{where} that is not an object"
    found = _strings(user, "id", required=True) or _strings(
        user, "name", "username", "real_name", "team_id", "tz"
    )
    if found:
        return f"{where}: {found}"
    profile = user.get("profile")
    if profile is None:
        return None
    if not isinstance(profile, dict):
        return f"{where}.profile that is not an object"
    return _strings(profile, "display_name", "real_name")


def _optional_user(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if user is None or isinstance(user, str):
        return None
    return _user(user, "user")


def _team(team: Any) -> str | None:
    if team is None:
        return None
    if not isinstance(team, dict):
        return "a team that is not an object"
    return _strings(team, "id", "domain")


def _part(body: dict[str, Any], name: str, *fields: str) -> str | None:
    part = body.get(name)
    if part is None:
        return None
    if not isinstance(part, dict):
        return f"{name} that is not an object"
    return _strings(part, *fields)


def _strings(body: dict[str, Any], *fields: str, required: bool = False) -> str | None:
    """Each field a string (a non-empty one when `required`); absent or null when not."""
    for field in fields:
        value = body.get(field)
        if required and not (isinstance(value, str) and value):
            return f"no {field}"
        if value is not None and not isinstance(value, str):
            return f"{field} that is not a string"
    return None
