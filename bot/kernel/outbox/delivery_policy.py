"""Delivery policy: what to do with a notice, decided from facts alone (no I/O, no clock).

The dispatcher (bot/kernel/outbox/dispatcher.py) does the mechanics: it claims, renders, sends
at each
platform's pace and records. These rules decide what it does: where a notice goes, which
reminders are pointless after downtime, whether a failed send is tried again or given up,
and who hears about a message that could not be delivered.
"""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.campaign import Identity, Team
from bot.domain.notice import MAX_ATTEMPTS, NewNotice, Notice, NoticeKind, NoticeState, retry_delay
from bot.kernel.outbox.drop import Drop
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Reply

# Never retry sooner than this, even when a platform asks for Retry-After: 0.
MIN_RETRY = timedelta(seconds=1)
# A rate-limit hold shorter than this is waited out in memory, with the message still claimed;
# a longer one hands the message back to the queue, due when the hold ends.
LONGEST_WAIT = timedelta(seconds=10)
# A claim this close to running out is not used to send: another process may claim it next.
LEASE_MARGIN = timedelta(seconds=5)

SUPERSEDED = Drop(NoticeState.SKIPPED, "a later reminder for this shift is due")
UNREACHABLE = Drop(NoticeState.FAILED, "no platform account to reach them on")


class Route(StrEnum):
    """Which Messenger call carries a notice."""

    DIRECT = "direct"
    # In the volunteers channel, mentioning the person: their DMs are closed.
    MENTION = "mention"
    ORGANIZERS = "organizers"


@dataclass(frozen=True, slots=True)
class Send:
    """One platform call for a notice: to a person (`to`) or to a team's organizers (`team`)."""

    route: Route
    platform: str
    to: Identity | None = None
    team: Team | None = None


@dataclass(frozen=True, slots=True)
class Retry:
    """Send again at `at`. `attempt_used` is False when the platform only asked us to slow
    down: that is not the message's fault, so it costs none of its attempts."""

    at: datetime
    attempt_used: bool = True


@dataclass(frozen=True, slots=True)
class GiveUp:
    """Record the notice as failed for good, and tell whoever `failure_alerts` names."""

    reason: str


def address(
    *,
    to_organizers: bool,
    in_channel: bool,
    identities: Sequence[Identity] = (),
    teams: Sequence[Team] = (),
) -> tuple[Send, ...] | Drop:
    """Where a written notice goes.

    Organizers' notices go to every team of the campaign; a volunteer's to the account they
    were seen on most recently (`identities` come most recent first), as a DM or, when their
    DMs are closed, as a mention in the volunteers channel.
    """
    if to_organizers:
        return tuple(Send(Route.ORGANIZERS, team.platform, team=team) for team in teams)
    if not identities:
        return UNREACHABLE
    to = identities[0]
    return (Send(Route.MENTION if in_channel else Route.DIRECT, to.platform, to=to),)


def call_for(messenger: Messenger, send: Send, reply: Reply) -> Callable[[], Awaitable[None]]:
    """The Messenger call that carries `send` (made later, at its platform's pace)."""
    if send.route is Route.ORGANIZERS:
        team = send.team
        assert team is not None
        return lambda: messenger.post_to_organizers(team, reply)
    to = send.to
    assert to is not None
    if send.route is Route.MENTION:
        return lambda: messenger.mention_in_channel(to, reply)
    return lambda: messenger.send_direct(to, reply)


def passed_over(error: DeliveryError, sends: Sequence[Send]) -> bool:
    """Whether a notice's other sends go on after this one failed: one team's organizers out
    of reach for good (Turnout removed from their workspace, no channel to post in) keep an
    organizers' notice from no other team. Anything else stops the notice, to be retried or
    given up as a whole; so does every team failing."""
    return error.permanent and len(sends) > 1


def superseded(claimed: Sequence[Notice]) -> set[int]:
    """The ids of reminders made pointless by a later one for the same sign-up, also due.

    After downtime both the 24 h and the 1 h reminder may be due; only the nearer one is sent.
    """
    latest: dict[int, Notice] = {}
    dropped: set[int] = set()
    for notice in claimed:
        if notice.kind is not NoticeKind.SHIFT_REMINDER or notice.signup_id is None:
            continue
        kept = latest.get(notice.signup_id)
        if kept is None:
            latest[notice.signup_id] = notice
        elif notice.due_at > kept.due_at:
            dropped.add(kept.id)
            latest[notice.signup_id] = notice
        else:
            dropped.add(notice.id)
    return dropped


def after_failure(notice: Notice, error: DeliveryError, now: datetime) -> Retry | GiveUp:
    """Try a failed send again, or give up on it.

    A rate limit waits as long as the platform asked, without using up an attempt; a transient
    error backs off (5 s, 10 s, 20 s …) until MAX_ATTEMPTS; a permanent one is final.
    """
    if error.retry_after is not None:
        return Retry(now + max(MIN_RETRY, timedelta(seconds=error.retry_after)), False)
    if not error.permanent and notice.attempts < MAX_ATTEMPTS:
        return Retry(now + max(MIN_RETRY, retry_delay(notice.attempts)))
    return GiveUp(error.reason)


def failure_alert(
    notice: Notice, error: DeliveryError, now: datetime, *, what: str
) -> NewNotice | None:
    """What organizers are told when a volunteer's notice (`what`, as people call it) failed
    for good: once per notice.

    None for organizers' own notices, and for the channel mention of a volunteer with closed
    DMs: organizers were already told when the DM itself failed.
    """
    if not _to_a_volunteer(notice):
        return None
    return NewNotice(
        campaign_id=notice.campaign_id,
        kind=NoticeKind.DELIVERY_FAILED,
        due_at=now,
        payload={
            "volunteer_id": notice.volunteer_id,
            "what": what,
            "reason": error.reason,
        },
    )


def closed_dms_mention(notice: Notice, error: DeliveryError, now: datetime) -> NewNotice | None:
    """A mention asking a volunteer whose DMs are closed to open them.

    The caller queues it only if none was ever queued for that volunteer: asking once is enough.
    """
    if not error.dms_closed or not _to_a_volunteer(notice):
        return None
    return NewNotice(
        campaign_id=notice.campaign_id,
        kind=NoticeKind.DMS_CLOSED,
        due_at=now,
        volunteer_id=notice.volunteer_id,
    )


def lease_margin(lease: timedelta) -> timedelta:
    """How close to the end of a claim sending stops: LEASE_MARGIN, less for short leases."""
    return min(LEASE_MARGIN, lease / 4)


def wait_allowed(lease_left: timedelta, margin: timedelta) -> timedelta | None:
    """How long a claimed notice may wait in memory for a rate-limit hold to end; None when
    its claim is too close to running out to send at all (it goes back to the queue)."""
    if lease_left < margin:
        return None
    return min(LONGEST_WAIT, lease_left - margin)


def _to_a_volunteer(notice: Notice) -> bool:
    """A DM to a volunteer (not organizers' own notice, nor the closed-DMs channel mention)."""
    return notice.volunteer_id is not None and notice.kind is not NoticeKind.DMS_CLOSED
