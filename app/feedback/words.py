"""The staff words for feedback codes, on the referral page, the dashboard and in CSVs."""

POINT_NAMES = {
    "contacted": "After first contact",
    "job-start": "After a job start",
    "outcome": "After a sustained job outcome",
}
KIND_NAMES = {"person": "The person or who asked for them", "employer": "The employer"}
RATING_NAMES = {"good": "Went well", "okay": "OK", "not-good": "Did not go well"}
AGAIN_NAMES = {"yes": "Yes", "maybe": "Maybe", "no": "No"}
