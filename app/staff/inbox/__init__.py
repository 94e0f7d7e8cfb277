"""The referral inbox: the referrals a member of staff may see, its filters, and the CSV export."""
