"""The observers' screen (``pbvote-kiosk --observer``): verify a published election record and check receipts.

The checking is tally.verify's, the same code as ``pbvote verify``; this
package only runs it off the GUI thread and shows what it says.
"""

from kiosk.observer.dialogs import Dialogs, camera_available
from kiosk.observer.window import ObserverWindow

__all__ = ["Dialogs", "ObserverWindow", "camera_available"]
