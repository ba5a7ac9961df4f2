"""The audit trail from git: field-level history (log), blame, the data lock (freeze), submission, verification."""
