"""Export headers in the organizer's language, for `/turnout export … es`.

The English headers (csv_files.COLUMNS) are what VAN and spreadsheets expect and stay the
default; each column's msgid says it is a column so translators keep it one short word group.
"""

from collections.abc import Sequence

from bot.kernel.i18n import N_, _, reading_in

# Every column of every export, by its English header.
LABELS: dict[str, str] = {
    "volunteer_number": N_("export column: volunteer_number"),
    "name": N_("export column: name"),
    "first_name": N_("export column: first_name"),
    "last_name": N_("export column: last_name"),
    "platform": N_("export column: platform"),
    "platform_user_id": N_("export column: platform_user_id"),
    "team": N_("export column: team"),
    "zip": N_("export column: zip"),
    "county": N_("export column: county"),
    "interests": N_("export column: interests"),
    "availability": N_("export column: availability"),
    "joined_at": N_("export column: joined_at"),
    "onboarded_at": N_("export column: onboarded_at"),
    "contacted_at": N_("export column: contacted_at"),
    "signups": N_("export column: signups"),
    "attended": N_("export column: attended"),
    "no_shows": N_("export column: no_shows"),
    "couldnt_make_it": N_("export column: couldnt_make_it"),
    "calls": N_("export column: calls"),
    "conversations": N_("export column: conversations"),
    "status": N_("export column: status"),
    "signup_id": N_("export column: signup_id"),
    "shift_number": N_("export column: shift_number"),
    "shift_title": N_("export column: shift_title"),
    "shift_starts_at": N_("export column: shift_starts_at"),
    "shift_ends_at": N_("export column: shift_ends_at"),
    "shift_status": N_("export column: shift_status"),
    "signed_up_at": N_("export column: signed_up_at"),
    "updated_at": N_("export column: updated_at"),
    "reconfirmed_at": N_("export column: reconfirmed_at"),
    "checked_in_at": N_("export column: checked_in_at"),
    "outcome": N_("export column: outcome"),
    "shift_kind": N_("export column: shift_kind"),
    "title": N_("export column: title"),
    "starts_at": N_("export column: starts_at"),
    "ends_at": N_("export column: ends_at"),
    "seats": N_("export column: seats"),
    "confirmed": N_("export column: confirmed"),
    "waitlisted": N_("export column: waitlisted"),
    "cancelled": N_("export column: cancelled"),
    "host_number": N_("export column: host_number"),
    "host": N_("export column: host"),
    "kind": N_("export column: kind"),
    "claim_id": N_("export column: claim_id"),
    "task_number": N_("export column: task_number"),
    "task_title": N_("export column: task_title"),
    "due_on": N_("export column: due_on"),
    "claimed_at": N_("export column: claimed_at"),
    "position": N_("export column: position"),
}


def headers(columns: Sequence[str], language: str) -> tuple[str, ...]:
    """The header row for `columns` in `language`; English is the columns as they are."""
    if language in ("", "en"):
        return tuple(columns)
    with reading_in(language):
        return tuple(_(LABELS[column]) for column in columns)
