import { PageLoading } from "@/components/shell/PageLoading";

export default PageLoading;
