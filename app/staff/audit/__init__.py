"""The audit trail: recording who looked at or changed what, and the page council admins read it on."""
