"""Fair sends: each team has its own lane and pace, so one team's flood holds up no other team."""

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.notice import NewNotice, NoticeKind
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Reply
from storage import SqlStorage
from tests.fakes import RecordingMessenger, Sent, frozen_clock
from tests.integration.builders import a_team, a_volunteer

NOW = frozen_clock().now()


@dataclass
class TwoTeams(RecordingMessenger):
    """Slack with a slow first workspace (each send takes a moment) or one that says 429."""

    platform: str = "slack"
    slow_team: str = ""
    limited_team: str = ""
    order: list[str] = field(default_factory=list)

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        if to.team_external_id == self.limited_team:
            raise DeliveryError("ratelimited", retry_after=30)
        if to.team_external_id == self.slow_team:
            await asyncio.sleep(0.002)
        self.order.append(to.team_external_id)
        self.sent.append(Sent(f"{to.team_external_id}/{to.user_external_id}", reply))


async def _two_teams(storage: SqlStorage, flood: int) -> tuple[str, str]:
    """Team A with `flood` welcomes due a second ago, team B with one due now."""
    async with storage.unit_of_work() as uow:
        first, second = await a_team(uow, "TA"), await a_team(uow, "TB")
        for i in range(flood):
            volunteer = await a_volunteer(uow, first.campaign_id, f"A{i}")
            await uow.notices.add(
                NewNotice(
                    first.campaign_id,
                    NoticeKind.WELCOME,
                    NOW - timedelta(seconds=1),
                    volunteer_id=volunteer.id,
                )
            )
        lone = await a_volunteer(uow, second.campaign_id, "B0")
        await uow.notices.add(
            NewNotice(second.campaign_id, NoticeKind.WELCOME, NOW, volunteer_id=lone.id)
        )
        await uow.commit()
    # a_volunteer's identities are in team "T-of-<campaign id>".
    return f"T-of-{first.campaign_id}", f"T-of-{second.campaign_id}"


async def test_a_team_s_single_reminder_goes_out_beside_another_team_s_flood(
    storage: SqlStorage,
) -> None:
    messenger = TwoTeams()
    flooded, lone = await _two_teams(storage, flood=300)
    messenger.slow_team = flooded
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=frozen_clock(),
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    report = await bot.dispatcher.deliver_due()
    assert report.sent == 301
    assert len({s.to for s in messenger.sent}) == 301, "each welcome once"
    # Queued behind the flood it would be the 301st; in its own lane it goes out at once.
    assert messenger.order.index(lone) < 50, messenger.order.index(lone)


async def test_a_team_held_by_a_rate_limit_holds_up_no_other_team(storage: SqlStorage) -> None:
    messenger = TwoTeams()
    limited, free = await _two_teams(storage, flood=3)
    messenger.limited_team = limited
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=frozen_clock(),
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    report = await bot.dispatcher.deliver_due()
    assert messenger.order == [free]
    assert report.sent == 1 and report.rate_limited >= 1
