// Gradient Lab's SQLite application id ("GLab" in ASCII), kept in the file header from migration 0020 on.
export const APPLICATION_ID = 0x474c6162;
