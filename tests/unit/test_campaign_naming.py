"""A new team's campaign is named once, in the domain: configured, else the team's, else default."""

from bot.domain.campaign import DEFAULT_CAMPAIGN_NAME, CampaignDefaults


def test_a_configured_name_wins_over_the_team_s_own() -> None:
    defaults = CampaignDefaults(chosen_name="Smith for Senate")
    assert defaults.name_for("Turnout Test") == "Smith for Senate"


def test_without_a_configured_name_the_campaign_is_named_after_its_team() -> None:
    assert CampaignDefaults().name_for("Dane County Democrats") == "Dane County Democrats"


def test_a_team_without_a_name_gets_the_default() -> None:
    assert CampaignDefaults().name_for("") == DEFAULT_CAMPAIGN_NAME == "Our campaign"
    assert CampaignDefaults(name="Test campaign").name_for("  ") == "Test campaign"
