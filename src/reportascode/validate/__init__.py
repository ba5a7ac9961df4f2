"""Validation: schema findings, domain checks, workspace rules, policy, explanations."""
