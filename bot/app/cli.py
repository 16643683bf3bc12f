"""`turnout`: the start-up module. Reads settings, builds storage and adapters, runs them."""

import argparse
import asyncio
import logging
import signal
import sys
from datetime import datetime, timedelta
from pathlib import Path

from prometheus_client import CollectorRegistry
from sqlalchemy import make_url

from adapters.console import ConsoleChat, ConsoleMessenger, Screen
from adapters.console.chat import read_pipe, read_terminal
from adapters.console.files import FOLDER, FileShelf
from adapters.discord import DiscordPlatform, invite_url
from adapters.discord.doctor import check_discord
from adapters.discord.settings import DiscordSettings
from adapters.doctor import NO_PLATFORM, Finding, fix
from adapters.platform import Platform, PlatformError
from adapters.slack import SlackPlatform
from adapters.slack.doctor import check_slack
from adapters.slack.settings import SlackSettings
from adapters.web.desk.serving import CONSOLE_DESK, ConsoleListener, People, console_links, routes
from adapters.web.doctor import check_feeds
from adapters.web.feeds import feed_routes
from adapters.web.health import ops_routes
from adapters.web.serving import Listener
from bot.app import arguments, redaction, repeats, team_erasing
from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock, SystemClock
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from bot.app.recovery import Recovery
from bot.app.settings import ConfigurationError, CoreSettings, load
from bot.ports.storage import StorageUnavailable
from storage import SqlStorage, open_storage
from storage.backup import BackupRefused, back_up, restore
from storage.schema_check import schema_status


class Settings(CoreSettings, SlackSettings, DiscordSettings):
    """Everything `turnout` reads: the core's settings and each platform's own."""


def load_settings() -> Settings:
    """The settings from the environment and `.env`; a wrong one raises ConfigurationError."""
    return load(Settings)


def main(argv: list[str] | None = None) -> int:
    """Run the `turnout` command line (console, run, migrate, backup...); returns the status."""
    args = arguments.parser(console_desk=CONSOLE_DESK).parse_args(argv)
    try:
        settings = load_settings()
    except ConfigurationError as error:
        if args.command == "doctor":
            print(fix("settings", str(error).rstrip(".")).line())
            return 1
        print(f"turnout: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        # The console and the doctor speak for themselves; the log only for what breaks.
        level={"console": "WARNING", "doctor": "ERROR"}.get(args.command, settings.log_level),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # Secrets (tokens, response_urls) never reach the log, whatever the level.
    redaction.install()
    try:
        match args.command:
            case "console":
                return asyncio.run(_console(settings, args))
            case "migrate":
                return asyncio.run(_migrate(settings))
            case "run":
                # One cause (a read-only database, a flood of bad requests) is one warning
                # a minute, however often it recurs while the bot runs.
                said_once = repeats.install()
                try:
                    return asyncio.run(_run(settings))
                finally:
                    said_once()
            case "doctor":
                return asyncio.run(_doctor(settings))
            case "discord-invite":
                return _discord_invite(settings)
            case "backup":
                return _backup(settings, args.path)
            case "restore":
                return asyncio.run(_restore(settings, args.path))
            case "erase-team":
                return asyncio.run(_erase_team(settings, args.team, yes=args.yes))
    except KeyboardInterrupt:
        return 130
    except (DatabaseUnusable, ConfigurationError, PlatformError, BackupRefused) as error:
        print(f"turnout: {error}", file=sys.stderr)
        return 2
    return 2


class DatabaseUnusable(Exception):
    """DATABASE_URL names something Turnout can't use or can't reach."""


async def _open(url: str) -> SqlStorage:
    try:
        return await open_storage(url)
    except ValueError as error:
        raise DatabaseUnusable(str(error)) from None
    except (OSError, StorageUnavailable) as error:
        shown = make_url(url).render_as_string(hide_password=True)
        raise DatabaseUnusable(
            f"can't reach the database at {shown} ({error}); check DATABASE_URL."
        ) from None


async def _console(settings: Settings, args: argparse.Namespace) -> int:
    start = None
    if args.now:
        try:
            # A time of day with no zone: the campaign's, once the database says which.
            start = datetime.strptime(args.now, "%Y-%m-%d %H:%M")  # noqa: DTZ007
        except ValueError:
            print(
                "turnout: --now takes a time in the campaign's zone like '2026-11-28 09:00'.",
                file=sys.stderr,
            )
            return 2
    url = f"sqlite:///{args.db}" if args.db else settings.database_url
    storage = await _open(url)
    clock = ManualClock()
    screen = Screen(sys.stdout, shelf=FileShelf(args.files or _files_folder(url)))
    names: dict[str, str] = {}
    organizers = set(args.organizer) or {args.user}
    chat: ConsoleChat | None = None
    messenger = ConsoleMessenger(
        screen, names=names, organizers=lambda: chat.organizer_keys() if chat else []
    )
    feeds, desk = settings.calendar_feeds(), console_links(settings, args.desk)
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=settings.campaign_defaults(),
        feeds=feeds,
        desk=desk,
        docs=settings.docs(),
    )
    chat = ConsoleChat(
        turnout=bot.turnout,
        wakeups=bot.wakeups,
        clock=clock,
        screen=screen,
        user=args.user,
        organizers=organizers,
        names=names,
        campaign_name=settings.campaign_name,
        locale=args.lang,
    )
    if start is not None:
        await chat.set_clock(start)
    interactive = sys.stdin.isatty()
    if interactive:
        # At a terminal, reminders also arrive on their own as real time passes.
        bot.wakeups.start()
    # The desk, and with TURNOUT_PUBLIC_URL set the feeds `/volunteer calendar` hands out.
    listener = ConsoleListener(settings, bot, desk, chat, args.desk)
    try:
        await listener.start()
        await chat.run(read_terminal if interactive else read_pipe, echo=not interactive)
    finally:
        await listener.stop()
        await bot.wakeups.stop()
        await storage.close()
    return 0


def _files_folder(url: str) -> Path:
    """turnout-files/ beside a SQLite file; in the working directory for PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).parent / FOLDER
    return Path(FOLDER)


def _platforms(settings: Settings, metrics: PrometheusMetrics) -> list[Platform]:
    platforms: list[Platform] = []
    if settings.slack_enabled:
        platforms.append(SlackPlatform.from_settings(settings, metrics=metrics))
    if settings.discord_enabled:
        platforms.append(DiscordPlatform.from_settings(settings, metrics=metrics))
    return platforms


async def _run(settings: Settings) -> int:
    metrics = PrometheusMetrics(CollectorRegistry())
    platforms = _platforms(settings, metrics)
    if not platforms:
        print(
            "turnout: no platform is configured. Set SLACK_BOT_TOKEN (see docs/slack.md) or "
            "DISCORD_TOKEN (docs/discord.md); or try `turnout console`.",
            file=sys.stderr,
        )
        return 2
    storage = await _open(settings.database_url)
    feeds = settings.calendar_feeds()
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger for platform in platforms],
        clock=SystemClock(),
        defaults=settings.campaign_defaults(),
        lease=timedelta(seconds=settings.delivery_lease_seconds),
        feeds=feeds,
        metrics=metrics,
        desk=settings.desk_links(),
        docs=settings.docs(),
    )
    log = logging.getLogger("turnout")
    recovery = Recovery(bot.turnout)
    people: dict[str, People] = {}
    ops, listener = _served(settings, platforms, bot, metrics, people)
    try:
        for platform in platforms:
            await platform.start(bot.turnout)
        if listener is not None:
            await listener.start()
        bot.wakeups.start()
        # Commands a stopped process accepted and never finished are taken up (arrivals.py).
        recovery.replayers = [platform.replayer for platform in platforms]
        people.update({p.messenger.platform: p.replayer for p in platforms})
        recovery.start()
        log.info("running on %s", ", ".join(p.messenger.platform for p in platforms))
        status = await _until_stopped(platforms, ops)
    finally:
        await recovery.stop()
        await bot.wakeups.stop()
        if listener is not None:
            await listener.stop()
        for platform in platforms:
            await platform.stop()
        await storage.close()
    log.info("stopped")
    return status


def _served(
    settings: Settings,
    platforms: list[Platform],
    bot: Bot,
    metrics: PrometheusMetrics,
    people: dict[str, People],
) -> tuple[Ops, Listener | None]:
    """Health checks, metrics and calendar feeds: they ride on Slack's HTTP mode server when
    it runs (one listener per process), else on a listener of their own (returned)."""
    ops = Ops(
        storage=bot.storage,
        clock=bot.clock,
        metrics=metrics,
        platforms={p.messenger.platform: p.problem for p in platforms},
        connections={p.messenger.platform: p.connections for p in platforms},
    )
    served = ops_routes(ops)
    if settings.calendar_feeds() is not None:
        served += feed_routes(bot.turnout)
    if (desk := settings.desk_links()) is not None:
        served += routes(bot, desk, people)
    for platform in platforms:
        if isinstance(platform, SlackPlatform) and platform.serve_also(lambda _: served):
            return ops, None
    listener = Listener(settings.http_host, settings.http_port, served, purpose="health checks")
    return ops, listener


async def _until_stopped(platforms: list[Platform], ops: Ops) -> int:
    """Wait for SIGTERM or SIGINT, the way service managers and Ctrl-C ask a bot to stop (0);
    or until every platform has stopped for good on its own (2). One that stops while
    others run is said loudly in the log and on /healthz, and the others go on."""
    log = logging.getLogger("turnout")
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    signalled: asyncio.Task[object] = asyncio.create_task(stopped.wait())
    failures: dict[asyncio.Task[object], str] = {
        asyncio.create_task(p.failure()): p.messenger.platform for p in platforms
    }
    try:
        while True:
            done, _ = await asyncio.wait(
                {signalled, *failures}, return_when=asyncio.FIRST_COMPLETED
            )
            if signalled in done:
                return 0
            for failed in done:
                name, error = failures.pop(failed), str(failed.result())
                if not failures:
                    log.error("%s Stopping.", error)
                    return 2
                ops.stopped[name] = str(error)
                log.error("%s Still running on %s.", error, ", ".join(failures.values()))
    finally:
        for task in (signalled, *failures):
            task.cancel()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)


async def _doctor(settings: Settings) -> int:
    """One line per check, each FIX saying what to do; 1 when anything needs fixing."""
    fine, said = await schema_status(settings.database_url)
    findings = [Finding("database", said, "ok" if fine else "FIX")]
    if settings.slack_enabled:
        findings += await check_slack(settings, public_url=settings.public_url)
    if settings.discord_enabled:
        findings += await check_discord(settings)
    if settings.public_url:
        findings.append(await check_feeds(settings.public_url))
    if not (settings.slack_enabled or settings.discord_enabled):
        findings.append(fix("turnout", NO_PLATFORM))
    print("\n".join(finding.line() for finding in findings))
    return 1 if any(finding.wrong for finding in findings) else 0


def _discord_invite(settings: Settings) -> int:
    print(invite_url(settings))
    return 0


async def _migrate(settings: Settings) -> int:
    storage = await _open(settings.database_url)
    await storage.close()
    print("turnout: the database is up to date.")
    return 0


def _backup(settings: Settings, path: Path) -> int:
    try:
        print(f"turnout: {back_up(settings.database_url, path)}")
    except ValueError as error:
        raise DatabaseUnusable(str(error)) from None
    return 0


async def _restore(settings: Settings, path: Path) -> int:
    try:
        restored, said = restore(settings.database_url, path)
    except ValueError as error:
        raise DatabaseUnusable(str(error)) from None
    if restored:
        # A backup from an older Turnout is brought up to date here, not at the next start.
        await (await _open(settings.database_url)).close()
    print(f"turnout: {said}")
    return 0


async def _erase_team(settings: Settings, team: str, *, yes: bool) -> int:
    storage = await _open(settings.database_url)
    try:
        return await team_erasing.erase_team(storage, settings.campaign_defaults(), team, yes=yes)
    finally:
        await storage.close()


if __name__ == "__main__":
    sys.exit(main())
