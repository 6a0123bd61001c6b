"""The two kinds detection added, in the middle of an interview: the fitting help first,
then back where the youth was, with nothing lost."""

from __future__ import annotations

from bot.plan.model import Domain
from bot.storage.unit_of_work import Store
from tests.test_crisis_in_conversation import youth_at_wat


def test_worry_about_a_friend_mid_interview(store: Store) -> None:
    youth = youth_at_wat(store)  # Noor is 17
    interrupted, plan_before = youth.asked, youth.plan
    youth.says("niet ik maar mijn vriendin wil dood, wat moet ik doen")
    assert "Goed dat je het zegt" in youth.replies[0].text
    assert "iemand anders" in youth.text and "112" in youth.text
    assert "0800-0113" in youth.text and "0800-0432" in youth.text
    youth.clicks("Nu niet")  # the veiligheidsplan offer
    assert youth.asked == interrupted
    assert youth.plan.domains[Domain.WONEN] == plan_before.domains[Domain.WONEN]
    assert "vriendin" not in youth.plan.model_dump_json()


def test_exploitation_mid_interview(store: Store) -> None:
    youth = youth_at_wat(store)
    interrupted = youth.asked
    youth.says("mn vriendje zegt dat ik met zijn vrienden moet slapen voor geld")
    assert "Niemand mag je dwingen" in youth.replies[0].text
    assert "0800-0188" in youth.text  # Centrum Seksueel Geweld
    assert "0800-0432" in youth.text  # a minor: the Kindertelefoon
    youth.clicks("Nu niet")  # the veiligheidsplan offer
    assert youth.asked == interrupted


def test_an_ambiguous_housing_worry_still_gets_help_until_replies_ask_first(
        store: Store) -> None:
    """``detect`` keeps probable kinds, so the engine answers them as before."""
    youth = youth_at_wat(store)
    youth.says("geen contract, en ik weet niet waar ik heen moet als het misgaat")
    assert "slaapplek" in youth.text
