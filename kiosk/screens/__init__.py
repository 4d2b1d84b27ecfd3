"""The kiosk's screens, one per module; each shows the VoterFlow and calls its actions (no SQL, no crypto)."""

from kiosk.screens.ballot import BallotScreen
from kiosk.screens.district import DistrictScreen
from kiosk.screens.pending import PendingScreen
from kiosk.screens.review import ReviewScreen
from kiosk.screens.unavailable import UnavailableScreen
from kiosk.screens.welcome import WelcomeScreen

__all__ = ["BallotScreen", "DistrictScreen", "PendingScreen", "ReviewScreen", "UnavailableScreen", "WelcomeScreen"]
