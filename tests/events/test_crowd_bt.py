"""The Crowd-BT port against reference values from Gavel's published formulas (gavel/crowd_bt.py,
after Chen et al., WSDM 2013), computed here independently: the judge's update by moment-matching
the Beta mixture the judgement leaves, the item's expected win probability by the second-order
expansion of the logistic, digamma by differentiating log Γ, and exact fractions where the state
allows. No database."""

from fractions import Fraction
from math import exp, lgamma, log

import pytest

from events.hackathons import crowd_bt

PRIORS = (10.0, 1.0)  # Gavel's ALPHA_PRIOR, BETA_PRIOR; items start at N(0, 1)


def _logistic(x):
    return 1 / (1 + exp(-x))


def _digamma(x, h=1e-5):
    return (lgamma(x + h) - lgamma(x - h)) / (2 * h)


def _beta_moments(a, b):
    """E[η] and E[η²] of Beta(a, b)."""
    return a / (a + b), a * (a + 1) / ((a + b) * (a + b + 1))


def reference_judge(alpha, beta, mu_w, s_w, mu_l, s_l):
    """(alpha', beta', c): the judge is right with probability η ~ Beta(alpha, beta); after
    "w beats l" η's law is the mixture c₁·η·Beta + c₂·(1-η)·Beta, matched back to a Beta."""
    p = _logistic(mu_w - mu_l)
    c_1 = p + 0.5 * (s_w + s_l) * p * (1 - p) * (1 - 2 * p)  # E[logistic(θw - θl)], 2nd order
    c_2 = 1 - c_1
    right, wrong = _beta_moments(alpha + 1, beta), _beta_moments(alpha, beta + 1)
    w_right, w_wrong = c_1 * alpha / (alpha + beta), c_2 * beta / (alpha + beta)
    c = w_right + w_wrong
    m_1 = (w_right * right[0] + w_wrong * wrong[0]) / c
    m_2 = (w_right * right[1] + w_wrong * wrong[1]) / c
    variance = m_2 - m_1**2
    return m_1 * (m_1 - m_2) / variance, (1 - m_1) * (m_1 - m_2) / variance, c


def reference_items(alpha, beta, mu_w, s_w, mu_l, s_l):
    """(mu_w', mu_l', s_w', s_l'): q is the judge-weighted win probability, p the plain one."""
    p = _logistic(mu_w - mu_l)
    q = alpha * exp(mu_w) / (alpha * exp(mu_w) + beta * exp(mu_l))
    shift, shrink = q - p, q * (1 - q) - p * (1 - p)
    return (
        mu_w + s_w * shift,
        mu_l - s_l * shift,
        s_w * max(1 + s_w * shrink, crowd_bt.KAPPA),
        s_l * max(1 + s_l * shrink, crowd_bt.KAPPA),
    )


def reference_update(alpha, beta, mu_w, s_w, mu_l, s_l):
    """In the port's order: (alpha, beta, mu_winner, mu_loser, sigma²_winner, sigma²_loser)."""
    new_alpha, new_beta, _c = reference_judge(alpha, beta, mu_w, s_w, mu_l, s_l)
    return (new_alpha, new_beta, *reference_items(alpha, beta, mu_w, s_w, mu_l, s_l))


def _kl_gaussian(mu_1, s_1, mu_2, s_2):
    return (mu_1 - mu_2) ** 2 / (2 * s_2) + (s_1 / s_2 - 1 - log(s_1 / s_2)) / 2


def _kl_beta(a_1, b_1, a_2, b_2):
    def log_b(a, b):
        return lgamma(a) + lgamma(b) - lgamma(a + b)

    return (
        log_b(a_2, b_2)
        - log_b(a_1, b_1)
        + (a_1 - a_2) * _digamma(a_1)
        + (b_1 - b_2) * _digamma(b_1)
        + (a_2 - a_1 + b_2 - b_1) * _digamma(a_1 + b_1)
    )


def reference_gain(alpha, beta, mu_a, s_a, mu_b, s_b):
    """Expected information gain: each outcome's KL divergences (items, plus GAMMA times the judge),
    weighted by how likely the judge is to say that outcome."""
    total = 0.0
    a_1, b_1, c = reference_judge(alpha, beta, mu_a, s_a, mu_b, s_b)
    a_2, b_2, _c = reference_judge(alpha, beta, mu_b, s_b, mu_a, s_a)
    outcomes = (
        (c, a_1, b_1, reference_items(alpha, beta, mu_a, s_a, mu_b, s_b)),
        (1 - c, a_2, b_2, reference_items(alpha, beta, mu_b, s_b, mu_a, s_a)),
    )
    for number, (weight, new_alpha, new_beta, (mu_w, mu_l, s_w, s_l)) in enumerate(outcomes):
        if number == 0:
            new_a, new_b = (mu_w, s_w), (mu_l, s_l)
        else:
            new_a, new_b = (mu_l, s_l), (mu_w, s_w)
        total += weight * (
            _kl_gaussian(*new_a, mu_a, s_a)
            + _kl_gaussian(*new_b, mu_b, s_b)
            + crowd_bt.GAMMA * _kl_beta(new_alpha, new_beta, alpha, beta)
        )
    return total


def test_the_constants_are_gavels():
    assert (crowd_bt.GAMMA, crowd_bt.KAPPA) == (0.1, 0.0001)
    assert (crowd_bt.MU_PRIOR, crowd_bt.SIGMA_SQ_PRIOR) == (0.0, 1.0)
    assert (crowd_bt.ALPHA_PRIOR, crowd_bt.BETA_PRIOR) == PRIORS


def test_the_first_judgement_from_the_priors_matches_the_exact_fractions():
    # p = q·… : q = 10/11, p = 1/2, so mu moves by 9/22 and sigma² shrinks by (10/121 - 1/4).
    # c = 1/2, so the mixture moment-matches back to Beta(10, 1): the judge's belief is unchanged.
    alpha, beta, mu_w, mu_l, s_w, s_l = crowd_bt.update(*PRIORS, 0.0, 1.0, 0.0, 1.0)
    assert (alpha, beta) == (pytest.approx(10.0, abs=1e-12), pytest.approx(1.0, abs=1e-12))
    assert mu_w == pytest.approx(float(Fraction(9, 22)), abs=1e-15)
    assert mu_l == pytest.approx(float(Fraction(-9, 22)), abs=1e-15)
    assert s_w == s_l == pytest.approx(float(Fraction(403, 484)), abs=1e-15)


def test_expected_information_gain_at_the_priors_is_log_484_over_403():
    # Symmetric: both outcomes are equally likely, the judge learns nothing (c = 1/2), and each
    # item's KL term is ((9/22)² + 403/484 - 1 - log(403/484)) / 2, which sums to log(484/403).
    gain = crowd_bt.expected_information_gain(*PRIORS, 0.0, 1.0, 0.0, 1.0)
    assert gain == pytest.approx(log(484 / 403), rel=1e-12)


def test_a_variance_that_would_turn_negative_is_floored_by_kappa():
    # sigma² = 100 at equal means: 1 + 100 · (10/121 - 1/4) < 0, so sigma² becomes 100 · KAPPA.
    *_rest, s_w, s_l = crowd_bt.update(*PRIORS, 0.0, 100.0, 0.0, 100.0)
    assert s_w == s_l == pytest.approx(100 * crowd_bt.KAPPA)


def test_a_session_of_judgements_follows_the_reference_step_by_step():
    """Three projects, two judges (one trusted, one doubtful), eight votes with upsets."""
    items = dict.fromkeys("ABC", (0.0, 1.0))
    judges = {"trusted": PRIORS, "doubtful": (3.0, 2.5)}
    votes = [
        ("trusted", "A", "B"),
        ("trusted", "A", "C"),
        ("doubtful", "C", "A"),
        ("doubtful", "B", "C"),
        ("trusted", "B", "C"),
        ("trusted", "A", "B"),
        ("doubtful", "B", "A"),
        ("trusted", "C", "B"),
    ]
    for judge, winner, loser in votes:
        state = (*judges[judge], *items[winner], *items[loser])
        got = crowd_bt.update(*state)
        expected = reference_update(*state)
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12), (judge, winner, loser)
        judges[judge] = got[0], got[1]
        items[winner], items[loser] = (got[2], got[4]), (got[3], got[5])
    # The votes put A first; every estimate moved off the prior and became more certain.
    ranking = sorted(items, key=lambda name: items[name][0], reverse=True)
    assert ranking[0] == "A"
    assert all(sigma_sq < 1.0 for _mu, sigma_sq in items.values())
    assert judges["trusted"] != PRIORS and judges["doubtful"] != (3.0, 2.5)


@pytest.mark.parametrize(
    "state",
    [
        (10.0, 1.0, 0.8, 0.5, -0.3, 1.4),
        (7.3, 2.1, -1.2, 0.9, 0.4, 0.2),
        (2.0, 2.0, 0.0, 1.0, 1.5, 0.05),
        (12.5, 0.7, 2.0, 0.3, 1.9, 0.31),
    ],
)
def test_expected_information_gain_matches_the_reference_at_known_states(state):
    assert crowd_bt.expected_information_gain(*state) == pytest.approx(
        reference_gain(*state), rel=1e-7
    )


def test_the_next_pair_is_the_one_we_know_least_about():
    # Against a well-known item, an uncertain one teaches more than an equally good certain one.
    known, uncertain, certain = (0.5, 0.1), (0.5, 1.0), (0.5, 0.05)
    assert crowd_bt.expected_information_gain(
        *PRIORS, *known, *uncertain
    ) > crowd_bt.expected_information_gain(*PRIORS, *known, *certain)
