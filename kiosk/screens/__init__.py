"""The kiosk's screens, one per module; each shows the VoterFlow and calls its actions (no SQL, no crypto)."""

from kiosk.screens.ballot import BallotScreen
from kiosk.screens.busy import BusyScreen
from kiosk.screens.cast import CastScreen
from kiosk.screens.checked import CheckedScreen
from kiosk.screens.checkin import CheckInScreen
from kiosk.screens.connecting import ConnectingScreen
from kiosk.screens.district import DistrictScreen
from kiosk.screens.eligibility import EligibilityScreen
from kiosk.screens.pending import PendingScreen
from kiosk.screens.receipt import ReceiptScreen
from kiosk.screens.review import ReviewScreen
from kiosk.screens.welcome import WelcomeScreen

__all__ = [
    "BallotScreen",
    "BusyScreen",
    "CastScreen",
    "CheckInScreen",
    "CheckedScreen",
    "ConnectingScreen",
    "DistrictScreen",
    "EligibilityScreen",
    "PendingScreen",
    "ReceiptScreen",
    "ReviewScreen",
    "WelcomeScreen",
]
