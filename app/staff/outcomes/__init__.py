"""Job starts and hours check-ins for a referral whose person started."""
