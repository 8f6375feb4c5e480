export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">政府信息公开年报数据</h1>
    </main>
  );
}
