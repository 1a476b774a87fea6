/** Mail to people: listens to other modules' events and delivers through a retrying outbox. */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.kaimen.notifications;
