package org.yundangke.branch;

/**
 * The one way out of the app to a member's phone (SMS, WeChat). A real gateway is an outside service this build does
 * not have; {@link RecordingNotifier}, the only implementation, stores and logs what would be sent (README).
 */
public interface Notifier {

    /** A text for a member at an address (a mobile number). */
    record Message(long memberId, String address, String text) {
    }

    void send(Message message);
}
