import { createRequire } from 'node:module';

// Vietnamese function words from stopwords-iso, plus multi-syllable connectives and
// prepositional phrases news prose uses that the collection lacks. Vietnamese words are
// written syllable by syllable, so multi-syllable entries contain spaces.
const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

const extra: string[] = [
  'trong khi', 'sau khi', 'trước khi', 'cho đến khi', 'kể từ khi', 'mỗi khi', 'ngay khi',
  'hiện nay', 'hiện tại', 'đến nay', 'vừa qua', 'thời gian qua', 'gần đây', 'sắp tới',
  'bên cạnh', 'bên cạnh đó', 'ngoài ra', 'đồng thời', 'thay vì', 'mặc dù', 'dù', 'dẫu', 'song',
  'chẳng hạn', 'ví dụ', 'cụ thể', 'tức là', 'nghĩa là', 'hay là', 'hoặc là', 'cũng như', 'nhất là',
  'thông qua', 'đối với', 'liên quan', 'liên quan đến', 'trong đó', 'bao gồm', 'kể từ', 'theo đó', 'trong số', 'một số',
  'nhằm', 'nhằm mục đích', 'để có thể', 'có thể', 'đặc biệt', 'được biết', 'cho biết', 'nói rằng',
  'mọi', 'đấy', 'kia', 'đâu', 'lắm', 'thêm', 'vốn', 'hết', 'chị', 'các bạn', 'chúng mình',
  'tuy nhiên', 'do đó', 'vì vậy', 'vì thế', 'bởi vậy', 'cho nên', 'vì thế mà', 'nhờ đó', 'từ đó', 'sau đó', 'trước đó',
  'khoảng', 'gần', 'hơn', 'trên', 'dưới', 'giữa', 'ngay', 'vẫn', 'đang', 'sẽ', 'đã', 'vừa', 'mới', 'từng',
];

export const stopwords: string[] = [...new Set([...(iso['vi'] ?? []), ...extra])];
