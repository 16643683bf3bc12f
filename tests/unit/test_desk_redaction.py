"""The desk's secrets never reach a log: sign-in links and session cookies are redacted."""

from bot.app.redaction import HIDDEN, redact


def test_a_sign_in_link_and_a_session_cookie_are_redacted() -> None:
    line = (
        "GET https://desk.example.org/desk/sign-in/IkFiYyI.Ow75HcdTkPvOU0j HTTP/1.1 "
        "Cookie: turnout_desk=s3cr3t-Session_id; other=1"
    )

    cleaned = redact(line)

    assert "IkFiYyI" not in cleaned and "s3cr3t" not in cleaned
    assert f"/desk/sign-in/{HIDDEN}" in cleaned and f"turnout_desk={HIDDEN}" in cleaned
