"""Voice / IVR over Twilio-compatible webhooks answered with TwiML."""
