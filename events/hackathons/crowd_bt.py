"""Crowd-BT (Chen et al., "Pairwise ranking aggregation in a crowdsourced setting", WSDM 2013),
as Gavel uses it for hackathon judging: each item has a quality estimate N(mu, sigma²), each
judge a reliability Beta(alpha, beta). A judge says which of two items is better; the update
moves both items' estimates and the judge's reliability. The next item a judge sees is the one
with the highest expected information gain against the item they just saw.

Pure Python (math only): the constants and formulas follow Gavel's ``crowd_bt.py``.
"""

from math import exp, lgamma, log

GAMMA = 0.1  # tradeoff between exploring judges' reliability and items' quality
KAPPA = 0.0001  # keeps variances positive
MU_PRIOR = 0.0
SIGMA_SQ_PRIOR = 1.0
ALPHA_PRIOR = 10.0
BETA_PRIOR = 1.0


def digamma(x):
    """ψ(x) for x > 0: recurrence up to x ≥ 6, then the asymptotic series (error < 1e-10)."""
    result = 0.0
    while x < 6:
        result -= 1 / x
        x += 1
    inv = 1 / x
    inv2 = inv * inv
    return (
        result
        + log(x)
        - 0.5 * inv
        - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
    )


def betaln(a, b):
    return lgamma(a) + lgamma(b) - lgamma(a + b)


def divergence_gaussian(mu_1, sigma_sq_1, mu_2, sigma_sq_2):
    ratio = sigma_sq_1 / sigma_sq_2
    return (mu_1 - mu_2) ** 2 / (2 * sigma_sq_2) + (ratio - 1 - log(ratio)) / 2


def divergence_beta(alpha_1, beta_1, alpha_2, beta_2):
    return (
        betaln(alpha_2, beta_2)
        - betaln(alpha_1, beta_1)
        + (alpha_1 - alpha_2) * digamma(alpha_1)
        + (beta_1 - beta_2) * digamma(beta_1)
        + (alpha_2 - alpha_1 + beta_2 - beta_1) * digamma(alpha_1 + beta_1)
    )


def _updated_annotator(alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser):
    e_w, e_l = exp(mu_winner), exp(mu_loser)
    c_1 = e_w / (e_w + e_l) + 0.5 * (sigma_sq_winner + sigma_sq_loser) * (
        e_w * e_l * (e_l - e_w)
    ) / ((e_w + e_l) ** 3)
    c_2 = 1 - c_1
    c = (c_1 * alpha + c_2 * beta) / (alpha + beta)
    expt = (c_1 * (alpha + 1) * alpha + c_2 * alpha * beta) / (
        c * (alpha + beta + 1) * (alpha + beta)
    )
    expt_sq = (c_1 * (alpha + 2) * (alpha + 1) * alpha + c_2 * (alpha + 1) * alpha * beta) / (
        c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta)
    )
    variance = expt_sq - expt**2
    updated_alpha = ((expt - expt_sq) * expt) / variance
    updated_beta = (expt - expt_sq) * (1 - expt) / variance
    return updated_alpha, updated_beta, c


def _updated_mus(alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser):
    e_w, e_l = exp(mu_winner), exp(mu_loser)
    mult = (alpha * e_w) / (alpha * e_w + beta * e_l) - e_w / (e_w + e_l)
    return mu_winner + sigma_sq_winner * mult, mu_loser - sigma_sq_loser * mult


def _updated_sigma_sqs(alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser):
    e_w, e_l = exp(mu_winner), exp(mu_loser)
    mult = (alpha * e_w * beta * e_l) / ((alpha * e_w + beta * e_l) ** 2) - (e_w * e_l) / (
        (e_w + e_l) ** 2
    )
    return (
        sigma_sq_winner * max(1 + sigma_sq_winner * mult, KAPPA),
        sigma_sq_loser * max(1 + sigma_sq_loser * mult, KAPPA),
    )


def update(alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser):
    """One judgement: returns (alpha, beta, mu_winner, mu_loser, sigma_sq_winner, sigma_sq_loser)."""
    args = (alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser)
    new_alpha, new_beta, _c = _updated_annotator(*args)
    new_mu_winner, new_mu_loser = _updated_mus(*args)
    new_sigma_sq_winner, new_sigma_sq_loser = _updated_sigma_sqs(*args)
    return new_alpha, new_beta, new_mu_winner, new_mu_loser, new_sigma_sq_winner, new_sigma_sq_loser


def expected_information_gain(alpha, beta, mu_a, sigma_sq_a, mu_b, sigma_sq_b):
    """How much a judge (alpha, beta) comparing a and b is expected to teach us."""
    alpha_1, beta_1, c = _updated_annotator(alpha, beta, mu_a, sigma_sq_a, mu_b, sigma_sq_b)
    mu_a_1, mu_b_1 = _updated_mus(alpha, beta, mu_a, sigma_sq_a, mu_b, sigma_sq_b)
    sigma_sq_a_1, sigma_sq_b_1 = _updated_sigma_sqs(alpha, beta, mu_a, sigma_sq_a, mu_b, sigma_sq_b)
    alpha_2, beta_2, _c = _updated_annotator(alpha, beta, mu_b, sigma_sq_b, mu_a, sigma_sq_a)
    mu_b_2, mu_a_2 = _updated_mus(alpha, beta, mu_b, sigma_sq_b, mu_a, sigma_sq_a)
    sigma_sq_b_2, sigma_sq_a_2 = _updated_sigma_sqs(alpha, beta, mu_b, sigma_sq_b, mu_a, sigma_sq_a)
    return c * (
        divergence_gaussian(mu_a_1, sigma_sq_a_1, mu_a, sigma_sq_a)
        + divergence_gaussian(mu_b_1, sigma_sq_b_1, mu_b, sigma_sq_b)
        + GAMMA * divergence_beta(alpha_1, beta_1, alpha, beta)
    ) + (1 - c) * (
        divergence_gaussian(mu_a_2, sigma_sq_a_2, mu_a, sigma_sq_a)
        + divergence_gaussian(mu_b_2, sigma_sq_b_2, mu_b, sigma_sq_b)
        + GAMMA * divergence_beta(alpha_2, beta_2, alpha, beta)
    )
