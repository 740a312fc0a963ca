// Loaded on demand: libphonenumber's metadata is the largest thing a queue row would pull in.
export { formatPhoneNumber } from "@uketsuke/domain";
