// japanese-holidays ships no types; this is the one function Uketsuke uses.
declare module "japanese-holidays" {
  /** The holiday's Japanese name on the local calendar date of `date`, else undefined. */
  export function isHoliday(date: Date, furikae?: boolean): string | undefined;
  export function isHolidayAt(date: Date, furikae?: boolean): string | undefined;
  const JapaneseHolidays: { isHoliday: typeof isHoliday; isHolidayAt: typeof isHolidayAt };
  export default JapaneseHolidays;
}
