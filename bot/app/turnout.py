"""Turnout's front door: every command, button and form from every adapter comes in here."""

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot import catalogue
from bot.app import languages
from bot.app.arrivals import (
    LEASE,
    NOT_RECORDED,
    Inbox,
    Options,
    Press,
    Receipt,
    Slash,
    Submit,
    Typed,
    Welcome,
    Work,
    encode,
)
from bot.calendars import calendar_feeds
from bot.calendars.feed_links import FeedLinks
from bot.desk import DeskLinks
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.errors import UserError
from bot.domain.text import without_marks
from bot.kernel.commands import Actor, Command, unmarked
from bot.kernel.context import Context
from bot.kernel.i18n import N_, _, reading_in, refusal
from bot.kernel.intake import parsing
from bot.kernel.intake.choices import Choice, Pick, choices
from bot.kernel.intake.docs import Docs
from bot.kernel.intake.entry import Entry
from bot.kernel.intake.examples import fill
from bot.organizers import NamedOrganizerCache
from bot.ports.clock import Clock
from bot.ports.inbox import Arrival
from bot.ports.metrics import CommandOutcome, Metrics, NoMetrics
from bot.ports.replies import FormSubmission, Message, Reply
from bot.ports.storage import NeedsWriteTurn, Storage, StorageConflict, StorageUnavailable
from bot.volunteers import welcome
from bot.volunteers.commands import WelcomeVolunteer
from bot.volunteers.erasures import RecentlyErased

log = logging.getLogger(__name__)

# A conflict means another command got there first; one rerun nearly always settles it.
_CONFLICT_RERUNS = 3
TRY_AGAIN = N_(
    "I couldn't reach the database just now, so nothing was changed. Please try again in a moment."
)
SOMETHING_BROKE = N_(
    "Something went wrong on my side. Please try again; if it keeps happening, tell an organizer."
)
ALREADY_DONE = N_("I had already done that; nothing more changed.")
# How /metrics names a command it could not read (mistyped, a stale button or form).
UNREADABLE = "unreadable"


class _AlreadyDone(Exception):
    """The inbox says another run of this command committed first (a replay raced it)."""


class _Refused(Exception):
    """A command was refused; `message` is the refusal written in the asker's language (known
    only inside the unit of work, from their settings)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message


class Turnout:
    """Runs each command in one unit of work and answers with a typed reply.

    Errors people can fix come back as a friendly Message and change nothing. When a command
    queued notices, `on_notices` is called after commit with the earliest one's due time, so the
    dispatcher can send them when due.
    """

    def __init__(
        self,
        *,
        storage: Storage,
        clock: Clock,
        defaults: CampaignDefaults,
        on_notices: Callable[[datetime | None], None] = lambda due: None,
        feeds: FeedLinks | None = None,
        lease: timedelta = LEASE,
        metrics: Metrics | None = None,
        desk: DeskLinks | None = None,
        docs: Docs | None = None,
    ) -> None:
        self._storage = storage
        self._metrics = metrics or NoMetrics()
        self._feeds = feeds
        lent = {FeedLinks: feeds, DeskLinks: desk, Docs: docs}
        self._services: dict[type, object] = {k: s for k, s in lent.items() if s is not None}
        self.organizers = self._services[NamedOrganizerCache] = NamedOrganizerCache(storage)
        self._clock = clock
        self._defaults = defaults
        self._on_notices = on_notices
        self._erased = RecentlyErased()
        # What people asked for, recorded before it is acknowledged (bot/app/arrivals.py).
        self.inbox = Inbox(storage, clock, lease)
        self._catalogue = catalogue.catalogue()
        # Commands the catalogue marks as only reading start as readers: on SQLite they neither
        # wait for the write turn nor hold it, so a burst of lists does not queue behind joins.
        # One that turns out to write (a new team's first command, a renamed person) is rolled
        # back and runs again as a writer, so the mark is only a hint: a command without it is
        # slower, never wrong. Writers keep their arrival order.
        self._readers = self._catalogue.readers()
        # Commands that make nobody a volunteer: someone Turnout doesn't know runs them as a
        # visitor, so reading (or asking to be forgotten) never registers, welcomes or announces
        # anyone, and nobody who left comes back by looking.
        self._visitors = self._catalogue.visitors_welcome()
        # Commands with a long read (an export) do it first as a reader, then write as usual.
        self._preparers = self._catalogue.preparers()

    @property
    def storage(self) -> Storage:
        """For adapters keeping their platform's records through its ports (OAuth installs)."""
        return self._storage

    async def handle(self, command: Command, receipt: Receipt = NOT_RECORDED) -> Reply:
        """Run `command`; with a receipt, its inbox row is marked done with its changes (or,
        when it changes nothing, once it is answered)."""
        command = unmarked(command)
        with reading_in(languages.platform_language(command.actor)):
            reply, outcome = await self._outcome(command, receipt)
        self._metrics.command(type(command).__name__, outcome)
        return reply

    async def _outcome(self, command: Command, receipt: Receipt) -> tuple[Reply, CommandOutcome]:
        """The reply to `command`, and how it ended (counted for operators)."""
        name = type(command).__name__
        write = type(command) not in self._readers
        tries = 0
        while tries < _CONFLICT_RERUNS:
            tries += 1
            try:
                reply = await self._handle_once(command, write=write, receipt=receipt)
                return reply, CommandOutcome.OK
            except NeedsWriteTurn:
                if write:
                    log.exception("%s was refused writing as a writer", name)
                    await self.inbox.settle(receipt)
                    return Message(_(SOMETHING_BROKE), error=True), CommandOutcome.ERROR
                # Rolled back whole before it wrote anything: again, holding the write turn.
                write, tries = True, tries - 1
            except UserError as error:
                await self.inbox.settle(receipt)
                return self._refusal(error), CommandOutcome.REFUSED
            except _Refused as refused:
                await self.inbox.settle(receipt)
                return refused.message, CommandOutcome.REFUSED
            except _AlreadyDone:
                log.info("%s was already done by another run", name)
                return Message(_(ALREADY_DONE)), CommandOutcome.OK
            except StorageConflict:
                # Rolled back whole; the rerun finds the row the other transaction wrote.
                log.info("%s met a concurrent write; running it again", name)
            except StorageUnavailable:
                log.warning("storage unavailable while handling %s", name)
                if receipt.key is not None and not isinstance(command, WelcomeVolunteer):
                    # They are told to try again, so it must not also run later by itself; a
                    # newcomer's welcome, told to nobody, waits in the inbox to run again.
                    self.inbox.unsettled.add(receipt.key)
                return Message(_(TRY_AGAIN), error=True), CommandOutcome.TRY_AGAIN
            except Exception:
                log.exception("failed to handle %s", name)
                await self.inbox.settle(receipt)
                return Message(_(SOMETHING_BROKE), error=True), CommandOutcome.ERROR
        log.warning("%s kept meeting concurrent writes", name)
        await self.inbox.settle(receipt)
        return Message(_(TRY_AGAIN), error=True), CommandOutcome.TRY_AGAIN

    def _refusal(self, error: UserError) -> Message:
        """What a person reads when a command is refused: the example dates in it written
        out from the clock, so they are always ahead of today (bot/kernel/intake/examples.py)."""
        return Message(
            fill(refusal(error), self._clock.now().date()), error=True, about=error.about
        )

    async def _handle_once(self, command: Command, *, write: bool, receipt: Receipt) -> Reply:
        handler = self._catalogue.handlers[type(command)]
        prepared = await self._prepare(command) if type(command) in self._preparers else None
        async with self._storage.unit_of_work(write=write) as uow:
            ctx = await Context.open(
                uow,
                command.actor,
                self._clock.now(),
                self._defaults,
                enrol=type(command) not in self._visitors,
            )
            ctx.services = self._services
            ctx.catalogue = self._catalogue
            ctx.prepared = prepared
            if ctx.first_contact:
                await welcome.greet(
                    ctx, returning=self._erased.returning_again(ctx.actor.identity, ctx.now)
                )
            # The asker reads the reply (and any refusal) in their own language; the command
            # may change it (`/volunteer language`), so the reply reads in the new one.
            with reading_in(ctx.language):
                try:
                    reply = await handler(command, ctx)
                except UserError as error:
                    raise _Refused(self._refusal(error)) from error
            for step in self._catalogue.before_commit:
                await step(ctx)
            if receipt.key is not None and write and not await uow.inbox.done(receipt.key, ctx.now):
                raise _AlreadyDone
            await uow.commit()
        if ctx.erased:
            self._erased.add(ctx.actor.identity, ctx.now)
        # Every notice queued goes through uow.notices; ctx.queued is checked too, so that
        # one queued some other way still wakes the dispatcher (at once, its due time unknown).
        due = uow.notices.earliest_queued
        if ctx.queued or due is not None:
            self._on_notices(due)
        return reply

    async def _prepare(self, command: Command) -> Any:
        """The command's long read, as a reader: on SQLite others may write meanwhile. None when
        it can't read there (a first contact writes): the handler then reads for itself."""
        try:
            async with self._storage.unit_of_work(write=False) as uow:
                ctx = await Context.open(uow, command.actor, self._clock.now(), self._defaults)
                return await self._preparers[type(command)](command, ctx)
        except NeedsWriteTurn:
            return None

    async def run_text(self, actor: Actor, line: str) -> Reply:
        """A slash command as typed: `/phonebank join 3`."""
        return await self.run(actor, Typed(line))

    async def run_slash(
        self, actor: Actor, command: str, text: str, receipt: Receipt = NOT_RECORDED
    ) -> Reply:
        """A slash command as platforms deliver it: the command name and the rest apart."""
        return await self.run(actor, Slash(command, text), receipt)

    async def run_options(
        self,
        actor: Actor,
        entry: Entry,
        options: Mapping[str, Any],
        receipt: Receipt = NOT_RECORDED,
    ) -> Reply:
        """A subcommand chosen from a menu, with its options typed (Discord's slash commands)."""
        return await self.run(actor, Options(entry.group, entry.verb, options), receipt)

    async def press(self, actor: Actor, action: str, receipt: Receipt = NOT_RECORDED) -> Reply:
        """A button was pressed."""
        return await self.run(actor, Press(action), receipt)

    async def submit(
        self, actor: Actor, submission: FormSubmission, receipt: Receipt = NOT_RECORDED
    ) -> Reply:
        """A form was filled in."""
        return await self.run(actor, Submit(submission.form_id, submission.values), receipt)

    async def welcome(self, actor: Actor, receipt: Receipt = NOT_RECORDED) -> Reply:
        """Someone joined the team."""
        return await self.run(actor, Welcome(), receipt)

    async def run(self, actor: Actor, work: Work | Typed, receipt: Receipt = NOT_RECORDED) -> Reply:
        """Whatever a platform delivered, as the command it stands for."""
        try:
            try:
                command = self._command(actor, work)
            except UserError:
                await self.inbox.settle(receipt)
                self._metrics.command(UNREADABLE, CommandOutcome.REFUSED)
                return await self._unreadable(actor, work)
            return await self.handle(command, receipt)
        finally:
            self.inbox.running.discard(receipt.key or "")

    async def _unreadable(self, actor: Actor, work: Work | Typed) -> Reply:
        """The refusal of work that asks for no command, in the asker's language: reading is
        pure, so it is read again in that language (only refusals pay for finding it)."""
        with reading_in(await languages.reader_language(self._storage, actor)):
            try:
                command = self._command(actor, work)
            except UserError as error:
                return self._refusal(error)
        return await self.handle(command)

    def _command(self, actor: Actor, work: Work | Typed) -> Command:
        """The command `work` asks for; UserError when it asks for none."""
        match work:
            case Typed(line=line):
                return self._catalogue.grammar.parse(actor, without_marks(line))
            case Slash(command=name, text=text):
                return self._catalogue.grammar.parse_command(actor, name, without_marks(text))
            case Options(group=group, verb=verb, options=options):
                entry = catalogue.find(group, verb)
                if entry is None:
                    raise UserError(f"There is no /{group} {verb}; try `/{group} help`.")
                return parsing.read_options(entry, actor, options)
            case Press(action=action):
                return self._catalogue.buttons.command_for(actor, action)
            case Submit(form_id=form_id, values=values):
                unmarked = {
                    name: without_marks(v) if isinstance(v, str) else tuple(map(without_marks, v))
                    for name, v in values.items()
                }
                return self._catalogue.forms.command_for(actor, FormSubmission(form_id, unmarked))
            case Welcome():
                return WelcomeVolunteer(actor)

    # The inbox: nothing accepted is lost to a crash (bot/app/arrivals.py)

    async def accept(
        self, key: str, identity: Identity, work: Work, route: Mapping[str, Any]
    ) -> Receipt:
        """Record `work` before the platform is told it arrived; call it before acknowledging.

        Work that changes nothing (a list, a refusal) is not recorded: after a crash it would
        only be answered late. Never raises: without the database the work goes on unrecorded
        (a newcomer is held until the database answers again).
        """
        try:
            command = self._command(Actor(identity, ""), work)
        except UserError:
            return NOT_RECORDED
        if type(command) in self._readers:
            return NOT_RECORDED
        return await self.inbox.record(
            Arrival(key, identity, encode(work, route), self._clock.now()), work
        )

    def now(self) -> datetime:
        """The core's clock."""
        return self._clock.now()

    async def language_of(self, actor: Actor) -> str:
        """The language `actor` reads, for an adapter's own words (the console's prompts)."""
        return await languages.reader_language(self._storage, actor)

    async def campaign_zone(self, platform: str, team: str) -> ZoneInfo:
        """The time zone of the campaign a team belongs to: the default one until the team's
        first command makes its campaign (and when the database can't answer now)."""
        try:
            async with self._storage.unit_of_work(write=False) as uow:
                found = await uow.campaigns.team(platform, team)
                if found is not None:
                    return ZoneInfo((await uow.campaigns.get(found.campaign_id)).timezone)
        except StorageUnavailable:
            log.warning("storage unavailable; showing times in the default zone")
        return ZoneInfo(self._defaults.timezone)

    async def first_sight(self, key: str, now: datetime, window: timedelta) -> bool:
        """Whether no process has seen the signed request `key` within `window` before `now`
        (it now has). `now` is the clock the request's timestamp was checked against.

        Raises StorageUnavailable when the database can't answer now.
        """
        async with self._storage.unit_of_work() as uow:
            fresh = await uow.requests.remember(key, now, window)
            await uow.commit()
        return fresh

    async def calendar_feed(self, token: str) -> bytes | None:
        """A private calendar feed as an iCalendar file; None when the token opens nothing.

        Raises StorageUnavailable when the database can't answer now (worth a retry: a
        calendar app told "not found" may drop the subscription).
        """
        if self._feeds is None:
            return None
        for _attempt in range(_CONFLICT_RERUNS):
            try:
                # A writer: reading the feed records each entry's revision (SEQUENCE).
                async with self._storage.unit_of_work() as uow:
                    body = await calendar_feeds.feed(uow, self._feeds, token, self._clock.now())
                    await uow.commit()
                return body
            except StorageConflict:
                # Another process recorded the same revisions (or made the secret) first.
                continue
        raise StorageUnavailable("a calendar feed kept meeting concurrent writes")

    async def choices(self, actor: Actor, pick: Pick, typed: str) -> list[Choice]:
        """Shifts or tasks matching what someone has typed so far, for autocomplete.

        Read-only and quiet: on any failure the list is simply empty.
        """
        try:
            async with self._storage.unit_of_work(write=False) as uow:
                return await choices(uow, actor.identity, self._clock.now(), pick, typed)
        except Exception:
            log.exception("failed to list %s choices", pick.value)
            return []
