"""Demo staff accounts, referrals, outcomes and pupils, for trying the staff side. Demo only: these
passwords are printed by `make run` and written in the README, so they must never reach a real site."""

WORKS_ORG = "d130555c-ff19-5559-929d-63ffbf1226af"  # Sandbridge Works (demo)
DEMO_SCHOOL = "Sandbridge High School (demo)"

# role -> the demo account for it
DEMO_ACCOUNTS: dict[str, dict] = {
    "council-admin": {
        "email": "council.admin@example.org",
        "name": "Alex Morgan (demo)",
        "password": "demo-council-admin-2026",
        "organization_id": None,
        "school": None,
    },
    "provider": {
        "email": "works.staff@example.org",
        "name": "Sam Price (demo)",
        "password": "demo-provider-2026",
        "organization_id": WORKS_ORG,
        "school": None,
    },
    "school": {
        "email": "school.staff@example.org",
        "name": "Jo Evans (demo)",
        "password": "demo-school-2026",
        "organization_id": None,
        "school": DEMO_SCHOOL,
    },
    "commissioner": {
        "email": "commissioner@example.org",
        "name": "Ceri Hughes (demo)",
        "password": "demo-commissioner-2026",
        "organization_id": None,
        "school": None,
    },
    "directory-editor": {
        "email": "directory.editor@example.org",
        "name": "Rhys Owen (demo)",
        "password": "demo-directory-editor-2026",
        "organization_id": None,
        "school": None,
    },
}
