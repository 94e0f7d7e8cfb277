"""The symbol contact sheet, for council admins and directory editors: every symbol with what it shows and the sentences beside it."""
