"""Casualty figures: extraction (who, how many, what happened, who says so, which period) and reconciliation.

    extract_figures(articles) -> list[Figure]     every figure, with its sentence, claimant and scope
    reconcile(figures) -> dict[str, Total]        one headline Total per category, victims only
"""
from briefing.figures.extract import CATEGORIES, extract_figures
from briefing.figures.reconcile import reconcile
from briefing.figures.vague import is_vague

__all__ = ["CATEGORIES", "extract_figures", "reconcile", "is_vague"]
