"""A proposal's buttons for organizers: Approve, and Decline (which asks for a reason)."""

from bot.hosting.commands import ApproveProposal, StartDeclineForm
from bot.kernel.intake.buttons import Numbered

APPROVE = Numbered("approve", ApproveProposal, "proposal")
DECLINE = Numbered("decline", StartDeclineForm, "proposal")
