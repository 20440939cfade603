export default defineBackground(() => {
  // Wiring is added by the store issue: database, message handlers, alarms.
});
