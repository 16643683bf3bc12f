"""DATABASE_URL problems as one line that names the variable and what to fix, never the password.

A URL that doesn't parse, a port that isn't a number, a PostgreSQL database or role that
doesn't exist, a wrong password: each would otherwise surface as a driver traceback.
"""

from sqlalchemy import URL, exc, make_url

from storage.unavailable import causes, is_read_only

EXAMPLE = "sqlite:///path/to/turnout.db or postgresql://user:password@host:5432/database"


class DatabaseUrlError(ValueError):
    """DATABASE_URL can't be used as written; the message says why in one line."""


def parse(url: str | URL) -> URL:
    """The URL, or DatabaseUrlError saying what is wrong with how it is written."""
    if isinstance(url, URL):
        return url
    try:
        return make_url(url)
    except exc.ArgumentError:
        raise DatabaseUrlError(
            f"DATABASE_URL isn't a database address; write it like {EXAMPLE}."
        ) from None
    except ValueError:
        # The only number in a URL: SQLAlchemy reads the port with int().
        raise DatabaseUrlError(
            f"DATABASE_URL's port isn't a number; write it like {EXAMPLE}."
        ) from None


def refusal(error: BaseException, url: URL) -> DatabaseUrlError | None:
    """What the server refused about DATABASE_URL (database, role, password), if that's it."""
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if is_read_only(error):
        # The driver's own words, without SQLAlchemy's SQL and link.
        said = str(list(causes(error))[-1]).splitlines()[0]
        return DatabaseUrlError(
            f"DATABASE_URL names a database that is read-only for Turnout ({said}); it "
            "needs to write to it: give it write permission (the file and its folder, "
            "for SQLite) or point DATABASE_URL at a writable one."
        )
    for cause in causes(error):
        # PostgreSQL SQLSTATEs for a refused login: no database, no role, a wrong password.
        match getattr(cause, "sqlstate", None):
            case "3D000":
                return DatabaseUrlError(
                    f"DATABASE_URL names the database {url.database!r}, which doesn't exist on "
                    f"{where}; create it (createdb {url.database}) or fix the name."
                )
            case "28000":
                return DatabaseUrlError(
                    f"DATABASE_URL's user {url.username!r} can't log in to {where} (no such "
                    "role, or not allowed); create the role or fix the user name."
                )
            case "28P01":
                return DatabaseUrlError(
                    f"DATABASE_URL's password for {url.username!r} was refused by {where}; "
                    "check the password."
                )
    return None
